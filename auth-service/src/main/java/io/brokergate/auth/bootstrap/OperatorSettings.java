package io.brokergate.auth.bootstrap;

import io.brokergate.auth.admin.Inputs;
import io.brokergate.auth.oauth.RedirectUris;
import io.brokergate.core.error.GatewayException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@link BootstrapConfig} checked by the rules every user and client must pass (the admin API's), so a bad setting stops
 * the start with a message naming the setting instead of creating an operator nobody can use.
 */
public record OperatorSettings(String login, String password, String tenantName, String clientId, List<String> redirectUris) {

    static final String PREFIX = "brokergate.auth.bootstrap.";
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2,63}");

    @Override
    public String toString() {
        return "OperatorSettings[login=" + login + ", tenant=" + tenantName + ", client=" + clientId + "]";
    }

    /**
     * Empty when no bootstrap is configured.
     *
     * @throws IllegalStateException naming the setting, when the settings are incomplete or break a rule
     */
    public static Optional<OperatorSettings> from(BootstrapConfig config) {
        if (config.operatorUsername().isEmpty()) {
            if (config.operatorPassword().isPresent() || config.operatorPasswordFile().isPresent()) {
                throw new IllegalStateException(PREFIX + "operator-password or operator-password-file is set but "
                        + PREFIX + "operator-username is not: set both, or neither for no bootstrap");
            }
            return Optional.empty();
        }
        String login = checked("operator-username", () -> Inputs.login(config.operatorUsername().get()));
        String source = config.operatorPasswordFile().isPresent() ? "operator-password-file" : "operator-password";
        String password = checked(source, () -> Inputs.password(PREFIX + source, password(config)));
        String tenant = checked("operator-tenant", () -> Inputs.text("tenant name", config.operatorTenant(), 200));
        String clientId = config.operatorClientId();
        if (!CLIENT_ID.matcher(clientId).matches()) {
            throw new IllegalStateException(PREFIX + "operator-client-id must be 3 to 64 letters, digits and . _ -: " + clientId);
        }
        List<String> redirects = List.copyOf(config.operatorRedirectUris());
        for (String uri : redirects) {
            String problem = RedirectUris.problem(uri);
            if (problem != null) {
                throw new IllegalStateException(PREFIX + "operator-redirect-uris: " + problem);
            }
        }
        return Optional.of(new OperatorSettings(login, password, tenant, clientId, redirects));
    }

    private static String password(BootstrapConfig config) {
        Optional<String> inline = config.operatorPassword();
        Optional<String> file = config.operatorPasswordFile();
        if (inline.isPresent() == file.isPresent()) {
            throw new IllegalStateException(PREFIX + "operator-username is set: set exactly one of " + PREFIX
                    + "operator-password and " + PREFIX + "operator-password-file" + (inline.isPresent() ? " (both are set)" : ""));
        }
        return inline.isPresent() ? inline.get() : readPasswordFile(file.get());
    }

    /** The file's content without one trailing line break (as `echo` and most editors leave it). */
    private static String readPasswordFile(String path) {
        try {
            String content = Files.readString(Path.of(path), StandardCharsets.UTF_8);
            return content.endsWith("\r\n") ? content.substring(0, content.length() - 2)
                    : content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read " + PREFIX + "operator-password-file " + path + ": " + e, e);
        }
    }

    private static String checked(String setting, Supplier<String> rule) {
        try {
            return rule.get();
        } catch (GatewayException e) {
            String detail = e.getMessage();
            throw new IllegalStateException(detail.startsWith(PREFIX) ? detail : PREFIX + setting + ": " + detail, e);
        }
    }
}
