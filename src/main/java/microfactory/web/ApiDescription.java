package microfactory.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * What the generated OpenAPI description cannot know by itself: who may call each operation (asked of the security
 * rules themselves, so the description cannot drift from them), how to authenticate, and the RFC 9457 problems every
 * operation can answer, with our own problem types.
 */
@Configuration
class ApiDescription {

    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final List<String> SCHEMES = List.of("basic", "bearer", "session");

    /** Who is asked, least rights first; the first allowed is the operation's audience. */
    private enum Audience {
        ANYONE("Public: no account needed."),
        MEMBER("Needs a signed-in member.", "ROLE_MEMBER"),
        STEWARD("Needs a steward or an admin.", "ROLE_MEMBER", "ROLE_STEWARD"),
        ADMIN("Needs an admin.", "ROLE_MEMBER", "ROLE_STEWARD", "ROLE_ADMIN");

        final String says;
        final String[] roles;

        Audience(String says, String... roles) {
            this.says = says;
            this.roles = roles;
        }

        Authentication who() {
            return this == ANYONE
                    ? new AnonymousAuthenticationToken("api-description", "anonymous", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"))
                    : UsernamePasswordAuthenticationToken.authenticated("api-description", null, AuthorityUtils.createAuthorityList(roles));
        }
    }

    @Bean
    OpenApiCustomizer microfactoryApi(ObjectProvider<WebInvocationPrivilegeEvaluator> access) {
        return api -> {
            api.info(new Info().title("Microfactory API").version("v1").description(description()));
            Components components = api.getComponents() == null ? new Components() : api.getComponents();
            api.components(components);
            components.addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                    .description("A member's e-mail and password. Slow by design (each request checks a password hash): "
                            + "scripts should use a personal access token."));
            components.addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                    .bearerFormat("personal access token")
                    .description("A personal access token made on the profile page (read or write scope)."));
            components.addSecuritySchemes("session", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                    .in(SecurityScheme.In.COOKIE).name("JSESSIONID")
                    .description("The browser session of a logged-in member. Requests that change things also send the "
                            + "XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header."));
            components.addSchemas(PROBLEM, problemSchema());
            if (api.getPaths() != null) {
                api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                        describe(path, method, operation, audience(access.getIfAvailable(), path, method))));
            }
        };
    }

    private static Optional<Audience> audience(WebInvocationPrivilegeEvaluator access, String path, PathItem.HttpMethod method) {
        if (access == null) {
            return Optional.empty();
        }
        String concrete = path.replaceAll("\\{[^}]+}", "1");
        return Arrays.stream(Audience.values())
                .filter(a -> access.isAllowed("", concrete, method.name(), a.who()))
                .findFirst();
    }

    private static void describe(String path, PathItem.HttpMethod method, Operation operation, Optional<Audience> audience) {
        boolean open = audience.orElse(null) == Audience.ANYONE;
        audience.ifPresent(a -> {
            operation.description(operation.getDescription() == null ? a.says : operation.getDescription() + "\n\n" + a.says);
            operation.addExtension("x-audience", a.name().toLowerCase());
        });
        operation.security(open ? List.of() : SCHEMES.stream().map(s -> new SecurityRequirement().addList(s)).toList());

        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        Map<String, ApiResponse> kept = responses.entrySet().stream()
                .filter(e -> !e.getKey().startsWith("4") && !e.getKey().startsWith("5"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        responses.clear();
        responses.putAll(kept);
        boolean changes = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        responses.addApiResponse("400", problem("The request cannot be used: a malformed body or parameter, or "
                + "invalid fields (type /problems/invalid-fields, with \"errors\" naming each field)."));
        if (!open) {
            responses.addApiResponse("401", problem("No valid credentials: send HTTP Basic, a bearer token or a session."));
            responses.addApiResponse("403", problem("The account's role, a read-only token, or a missing CSRF token "
                    + "(sessions) does not allow this."));
            responses.addApiResponse("429", problem("Too many wrong passwords (type /problems/too-many-attempts); "
                    + "wait the seconds in Retry-After."));
        }
        if (path.contains("{")) {
            responses.addApiResponse("404", problem("Nothing has this identifier."));
        }
        if (changes) {
            responses.addApiResponse("409", problem("The change conflicts with the chapter's current state; the detail says what to do."));
        }
        responses.addApiResponse("503", problem("The chapter is not set up yet (type /problems/chapter-not-set-up) or the demo "
                + "is still loading (type /problems/demo-loading)."));
        operation.responses(responses);
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content()
                .addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        Schema<?> fieldProblem = new ObjectSchema()
                .addProperty("field", new StringSchema())
                .addProperty("message", new StringSchema())
                .required(List.of("field", "message"));
        return new ObjectSchema()
                .description("An RFC 9457 problem. \"type\" is about:blank for a plain HTTP status, or one of this API's "
                        + "problem types (see the API description), an address on this server that explains it.")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema().description("What went wrong and what to do, for a person."))
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("errors", new ArraySchema().items(fieldProblem)
                        .description("With type /problems/invalid-fields: each field that cannot be used, and why."))
                .required(List.of("type", "title", "status", "detail"));
    }

    private static String description() {
        StringBuilder text = new StringBuilder("""
                The chapter's API: members and plans, learning and badges, designs, production runs, equipment and the \
                public ledger. Reads of public facts need no account; everything else takes HTTP Basic, a personal \
                access token (bearer) or a browser session. Each operation says who may call it.

                Every error is an RFC 9457 problem (application/problem+json) whose "detail" says what to do. Plain \
                HTTP statuses have type about:blank; this API's own problem types, each an address on this server \
                that explains it:

                """);
        for (ProblemKind kind : ProblemKind.values()) {
            text.append("- `").append(kind.path()).append("` (").append(kind.status().value()).append(", ")
                    .append(kind.title()).append("): ").append(kind.meaning()).append('\n');
        }
        return text.toString();
    }
}
