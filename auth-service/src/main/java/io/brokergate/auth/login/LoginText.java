package io.brokergate.auth.login;

import io.quarkus.qute.TemplateData;
import java.time.Duration;
import java.util.Locale;

/**
 * The words of the login, error and logout pages and of password-flow errors, in English and
 * Simplified Chinese. {@link #forLanguage} maps TradingView's {@code lang} / {@code locale} values
 * (e.g. {@code zh}, {@code zh_CN}, {@code zh_TW}) and falls back to English.
 */
@TemplateData
public record LoginText(String lang, String title, String signInTo, String loginLabel, String passwordLabel, String submit,
                        String invalidCredentials, String throttledSeconds, String lockedMinutes, String errorTitle,
                        String unknownClient, String badRedirect, String badRequest, String formExpired, String signedOut,
                        String logoutNotRedirected, String accessDenied, String busy) {

    public static final LoginText EN = new LoginText("en", "Sign in", "Sign in to", "Login", "Password", "Sign in",
            "invalid login or password",
            "too many failed attempts, try again in %d seconds",
            "too many failed attempts, try again in %d minutes",
            "This sign-in request cannot be completed",
            "The application is not registered (unknown client_id).",
            "The redirect_uri is not registered for this application.",
            "The request is malformed.",
            "The sign-in form expired or was not sent from this page. Please start again from the application.",
            "You are signed out.",
            "The return address is not registered for this application, so you were not sent back.",
            "This account may not use this application.",
            "the service is busy, please try again in a moment");

    public static final LoginText ZH = new LoginText("zh", "登录", "登录到", "用户名", "密码", "登录",
            "用户名或密码错误",
            "失败次数过多，请在 %d 秒后重试",
            "失败次数过多，请在 %d 分钟后重试",
            "无法完成此登录请求",
            "应用未注册（client_id 无效）。",
            "该应用未注册此 redirect_uri。",
            "请求格式错误。",
            "登录表单已过期或并非从本页提交，请从应用重新开始。",
            "您已退出登录。",
            "返回地址未在该应用中注册，因此未跳转。",
            "此账户不能使用该应用。",
            "服务繁忙，请稍后重试");

    public static LoginText forLanguage(String lang) {
        return lang != null && lang.toLowerCase(Locale.ROOT).startsWith("zh") ? ZH : EN;
    }

    /** The message for a throttled attempt: seconds for a delay, whole minutes (rounded up) for a lock. */
    public String throttled(Duration retryAfter, boolean locked) {
        if (locked) {
            long minutes = Math.max(1, (retryAfter.toSeconds() + 59) / 60);
            return String.format(Locale.ROOT, lockedMinutes, minutes);
        }
        return String.format(Locale.ROOT, throttledSeconds, Math.max(1, (retryAfter.toMillis() + 999) / 1000));
    }
}
