package microfactory.equipment.jobfiles;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a job file is: G-code for printers and routers, or an outline (DXF, SVG) for cutting tables. */
public enum JobFileKind {
    GCODE, DXF, SVG;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** By the file's name, else by how it begins (an SVG's root element, a DXF's first section). */
    public static JobFileKind of(String fileName, byte[] file) {
        String name = fileName == null ? "" : fileName.strip().toLowerCase(Locale.ROOT);
        if (name.endsWith(".dxf")) {
            return DXF;
        }
        if (name.endsWith(".svg")) {
            return SVG;
        }
        String head = new String(file, 0, Math.min(file.length, 2048), StandardCharsets.UTF_8).stripLeading();
        if (head.startsWith("<?xml") || head.startsWith("<svg") || head.startsWith("<!--") && head.contains("<svg")) {
            return SVG;
        }
        if (head.matches("(?s)0\\s*\\r?\\n\\s*SECTION.*") || head.startsWith("AutoCAD Binary DXF")) {
            return DXF;
        }
        return GCODE;
    }
}
