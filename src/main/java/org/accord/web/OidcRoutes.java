package org.accord.web;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Optional;
import org.accord.party.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in with OpenID Connect (ADR 0090): the authorization code flow with PKCE (S256), state and
 * nonce, against the provider of {@link WebOptions#oidc()}, found through its discovery document. The
 * person is matched by a VERIFIED e-mail ({@code email_verified} true) to an existing member; an
 * unknown or unverified address gets a 403 page saying so. The state is bound to the browser by an
 * HttpOnly, SameSite=Lax cookie (Lax: the provider's redirect back is a cross-site navigation), lives
 * ten minutes and is used once. Nimbus OAuth 2.0 SDK does the protocol; this class only wires it.
 *
 * <p>Registered only when a provider is configured. Thread-safe: pending logins sit in a locked map
 * capped at {@value #MAX_PENDING} entries; the provider's metadata is fetched once, on first use.
 */
public final class OidcRoutes implements WebServer.RouteModule {
  public static final String START = "/login/oidc";
  static final String CALLBACK = "/login/oidc/callback";
  static final String COOKIE = "accord_oidc";
  private static final int MAX_PENDING = 10_000;
  private static final long PENDING_MILLIS = 10 * 60_000L;
  private static final int TIMEOUT_MILLIS = 10_000;
  private static final Logger LOG = LoggerFactory.getLogger(OidcRoutes.class);

  /** A login on its way through the provider. */
  private record Pending(String browser, Nonce nonce, CodeVerifier verifier, URI redirect, long createdAt) {}

  private final LinkedHashMap<String, Pending> pending = new LinkedHashMap<>();
  private volatile OIDCProviderMetadata metadata;

  @Override
  public void register(JavalinConfig config, WebServer server) {
    if (server.options().oidc() == null) {
      return;
    }
    server.get(config, START, Parameters.NONE, ctx -> start(server, ctx));
    // what an OpenID provider may send back (OpenID Connect Core 3.1.2.5/3.1.2.6, RFC 9207, Session Management)
    server.get(config, CALLBACK, Parameters.of("code", "state", "error", "error_description", "error_uri", "iss", "session_state", "scope"),
        ctx -> callback(server, ctx));
  }

  private OIDCProviderMetadata metadata(OidcSettings settings) throws Exception {
    OIDCProviderMetadata known = metadata;
    if (known == null) {
      known = OIDCProviderMetadata.resolve(new Issuer(settings.issuer().toString()), TIMEOUT_MILLIS, TIMEOUT_MILLIS);
      metadata = known;
    }
    return known;
  }

  private void start(WebServer server, Context ctx) throws Exception {
    OidcSettings settings = server.options().oidc();
    OIDCProviderMetadata provider = metadata(settings);
    State state = new State();
    Nonce nonce = new Nonce();
    CodeVerifier verifier = new CodeVerifier();
    String browser = Sessions.randomId();
    URI redirect = URI.create(PageRoutes.ownOrigin(server, ctx) + CALLBACK);
    long now = server.accord().clock().millis();
    synchronized (pending) {
      pending.values().removeIf(p -> now - p.createdAt() > PENDING_MILLIS);
      while (pending.size() >= MAX_PENDING) {
        Iterator<String> oldest = pending.keySet().iterator();
        oldest.next();
        oldest.remove();
      }
      pending.put(state.getValue(), new Pending(browser, nonce, verifier, redirect, now));
    }
    URI authorize =
        new AuthenticationRequest.Builder(
                new ResponseType(ResponseType.Value.CODE), new Scope("openid", "email"), new ClientID(settings.clientId()), redirect)
            .endpointURI(provider.getAuthorizationEndpointURI())
            .state(state)
            .nonce(nonce)
            .codeChallenge(verifier, CodeChallengeMethod.S256)
            .build()
            .toURI();
    ctx.cookie(PageRoutes.cookie(server, ctx, COOKIE, browser, (int) (PENDING_MILLIS / 1000), io.javalin.http.SameSite.LAX));
    ctx.header("Cache-Control", "no-store");
    ctx.redirect(authorize.toString(), HttpStatus.SEE_OTHER);
  }

  private void callback(WebServer server, Context ctx) throws Exception {
    ctx.header("Cache-Control", "no-store");
    ctx.removeCookie(COOKIE, "/");
    String stateValue = ctx.queryParam("state");
    Pending login;
    synchronized (pending) {
      login = stateValue == null ? null : pending.remove(stateValue);
    }
    String browser = ctx.cookie(COOKIE);
    if (login == null || browser == null || !browser.equals(login.browser())
        || server.accord().clock().millis() - login.createdAt() > PENDING_MILLIS) {
      refuse(ctx, "This sign-in was not started in this browser, was already used, or took longer than ten minutes. Start again.");
      return;
    }
    if (ctx.queryParam("error") != null) {
      refuse(ctx, "The identity provider refused the sign-in: " + ctx.queryParam("error"));
      return;
    }
    String code = ctx.queryParam("code");
    if (code == null || code.isBlank()) {
      refuse(ctx, "The identity provider sent no authorization code.");
      return;
    }
    OidcSettings settings = server.options().oidc();
    OIDCProviderMetadata provider = metadata(settings);
    ClientID client = new ClientID(settings.clientId());
    HTTPRequest tokenCall =
        new TokenRequest(
                provider.getTokenEndpointURI(),
                new ClientSecretBasic(client, new Secret(settings.clientSecret())),
                new AuthorizationCodeGrant(new AuthorizationCode(code), login.redirect(), login.verifier()))
            .toHTTPRequest();
    tokenCall.setConnectTimeout(TIMEOUT_MILLIS);
    tokenCall.setReadTimeout(TIMEOUT_MILLIS);
    TokenResponse answer = OIDCTokenResponseParser.parse(tokenCall.send());
    if (!answer.indicatesSuccess()) {
      LOG.info("OpenID Connect token request failed: {}", answer.toErrorResponse().getErrorObject());
      refuse(ctx, "The identity provider did not accept the authorization code.");
      return;
    }
    OIDCTokenResponse tokens = (OIDCTokenResponse) answer.toSuccessResponse();
    IDTokenValidator validator =
        new IDTokenValidator(provider.getIssuer(), client, JWSAlgorithm.RS256, provider.getJWKSetURI().toURL());
    JWTClaimsSet claims;
    try {
      claims = validator.validate(tokens.getOIDCTokens().getIDToken(), login.nonce()).toJWTClaimsSet();
    } catch (com.nimbusds.jose.JOSEException | com.nimbusds.jose.proc.BadJOSEException e) {
      LOG.info("OpenID Connect ID token refused: {}", e.getMessage());
      refuse(ctx, "The identity provider's ID token is not valid for this server.");
      return;
    }
    String email = claims.getStringClaim("email");
    Boolean verified = claims.getBooleanClaim("email_verified");
    if (email == null && provider.getUserInfoEndpointURI() != null) {
      HTTPRequest userInfoCall = new UserInfoRequest(provider.getUserInfoEndpointURI(), tokens.getOIDCTokens().getBearerAccessToken()).toHTTPRequest();
      userInfoCall.setConnectTimeout(TIMEOUT_MILLIS);
      userInfoCall.setReadTimeout(TIMEOUT_MILLIS);
      UserInfoResponse info = UserInfoResponse.parse(userInfoCall.send());
      if (info.indicatesSuccess()) {
        UserInfo user = info.toSuccessResponse().getUserInfo();
        if (claims.getSubject().equals(user.getSubject().getValue())) {
          email = user.getEmailAddress();
          verified = user.getEmailVerified();
        }
      }
    }
    if (email == null || email.isBlank()) {
      refuse(ctx, "The identity provider gave no e-mail address; Accord matches people to members by e-mail.");
      return;
    }
    if (!Boolean.TRUE.equals(verified)) {
      refuse(ctx, "The identity provider has not verified the e-mail address " + email
          + " (email_verified is not true), so it cannot identify a member. Verify it with the provider and sign in again.");
      return;
    }
    Optional<Principal> member = server.accord().parties().memberByVerifiedEmail(email.strip().toLowerCase(Locale.ROOT));
    if (member.isEmpty()) {
      refuse(ctx, "No member of this Accord instance has the e-mail address " + email
          + ". Ask your organization's admin to add you (accord member add --org NAME --email ADDRESS).");
      return;
    }
    PageRoutes.openSession(server, ctx, member.get());
  }

  /** A 403 page that says why the sign-in was refused. */
  private static void refuse(Context ctx, String reason) {
    ctx.status(HttpStatus.FORBIDDEN).contentType("text/html; charset=utf-8").result(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sign-in refused</title>"
            + "<link rel=\"stylesheet\" href=\"/static/accord.css\"></head><body><main><h1>Sign-in refused</h1><p>"
            + escape(reason) + "</p><p><a href=\"/\">Back to Accord</a></p></main></body></html>");
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
