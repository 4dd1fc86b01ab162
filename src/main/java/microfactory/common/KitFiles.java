package microfactory.common;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The JSON files of an enterprise kit, as each feature reads its own part: a missing file is its default, a bad one a problem naming it. */
public final class KitFiles {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private KitFiles() {
    }

    public static <T> T read(Map<String, byte[]> files, String name, TypeReference<T> type, T otherwise) {
        byte[] bytes = files.get(name);
        if (bytes == null) {
            return otherwise;
        }
        try {
            return JSON.readValue(new String(bytes, StandardCharsets.UTF_8), type);
        } catch (RuntimeException e) {
            throw InvalidInputException.of("kit", name + " cannot be read: " + e.getMessage());
        }
    }
}
