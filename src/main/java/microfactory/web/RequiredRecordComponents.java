package microfactory.web;

import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Iterator;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JavaType;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.oas.models.media.Schema;

/**
 * A record's primitive components (a boolean, an int, a long) are always in its JSON, so the API description lists
 * them as required; left to itself it showed them optional. Other components keep what their annotations say.
 */
@Component
class RequiredRecordComponents implements ModelConverter {

    @Override
    @SuppressWarnings("rawtypes")
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Schema resolved = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        Class<?> raw = rawClass(type.getType());
        if (resolved == null || raw == null || !raw.isRecord()) {
            return resolved;
        }
        String name = resolved.get$ref() != null
                ? resolved.get$ref().substring(resolved.get$ref().lastIndexOf('/') + 1) : resolved.getName();
        Schema model = name == null ? resolved : context.getDefinedModels().getOrDefault(name, resolved);
        if (model.getProperties() != null) {
            for (RecordComponent component : raw.getRecordComponents()) {
                if (component.getType().isPrimitive() && model.getProperties().containsKey(component.getName())
                        && (model.getRequired() == null || !model.getRequired().contains(component.getName()))) {
                    model.addRequiredItem(component.getName());
                }
            }
        }
        return resolved;
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        return type instanceof JavaType j ? j.getRawClass() : null;
    }
}
