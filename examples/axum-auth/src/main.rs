//! A back end for pusher-js, with axum: the endpoints pusher-js calls to authorize channels and
//! sign users in, and the options object the page constructs `Pusher` with.
//!
//! - `POST /pusher/auth` (pusher-js `channelAuthorization`): a form with `socket_id` and
//!   `channel_name`; answers `{"auth": …}` for a `private-` channel and
//!   `{"auth": …, "channel_data": …}` for a `presence-` channel;
//! - `POST /pusher/user-auth` (pusher-js `userAuthentication`, for `pusher.signin()`): a form
//!   with `socket_id`; answers `{"auth": …, "user_data": …}`;
//! - `GET /pusher/options.json`: the options for `new Pusher(options.key, options)`, which
//!   point pusher-js at the two endpoints above. Never the app id or the secret;
//! - `POST /pusher/webhooks` (the webhook URL set for the app): verifies the `X-Pusher-Key` and
//!   `X-Pusher-Signature` headers against the raw body, then prints one line per typed event
//!   (`webhook channel_occupied private-chat`); 200 when verified, 401 when not (Pusher retries
//!   for a few minutes), 400 for a verified body that is not a webhook.
//!
//! Bad input (a missing field, an invalid socket id or channel name, a public channel) is a 400
//! with `{"error": "<why>"}`; a presence channel or a sign-in without a user is a 403.
//!
//! Environment: the `PUSHER_*` settings, read and checked by `PusherConfig::from_env`; `BIND`
//! (default `127.0.0.1`) and `PORT` (default `3000`; `0` for any free port); and, for the
//! options served, `CHANNEL_AUTH_ENDPOINT` (default `/pusher/auth`), `USER_AUTH_ENDPOINT`
//! (default `/pusher/user-auth`) and `WS_PATH` (pusher-js `wsPath`, unset by default).
//!
//! **Who the user is.** A real app knows it from its session (the cookie it set at login) and
//! decides there whether that user may join the channel. This example has no login: it trusts
//! the `X-User-Id` header (and `X-User-Name`, which defaults to the id), which the page passes
//! as `headers` in `channelAuthorization` and `userAuthentication`. Anyone can send any header,
//! so never take the user from one in production.

// A server's start-up errors (a bad config, a busy port) go to stderr.
#![allow(clippy::print_stderr)]

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::process::ExitCode;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::FormRejection;
use axum::extract::State;
use axum::http::header::CONTENT_TYPE;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Json, Router};
use pusher_config::connect::ClientOptions;
use pusher_config::signing::{ChannelAuth, SigningError, UserAuth, Webhook, WebhookEvent};
use pusher_config::PusherConfig;
use serde::Deserialize;

/// What the handlers share: the config and the options JSON, rendered once at start.
struct App {
    config: PusherConfig,
    options_json: String,
}

/// Where the page's pusher-js finds the auth endpoints and the server's WebSocket path.
struct FrontEnd {
    channel_auth_endpoint: String,
    user_auth_endpoint: String,
    ws_path: Option<String>,
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    // Loaded at run time, not with `static PUSHER: PusherConfig = pusher_config!()`: the
    // server this example talks to is chosen when it starts (the end-to-end check makes up new
    // credentials on every run), and a deployed server reads its environment when it starts.
    // `from_env` applies the rule set of `pusher_config!()`, so the same mistakes are caught,
    // at start-up instead of at build time.
    let config = match PusherConfig::from_env() {
        Ok(config) => config,
        Err(problems) => {
            eprintln!("{problems}");
            return ExitCode::FAILURE;
        }
    };
    match serve(config).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(config: PusherConfig) -> Result<(), String> {
    let address = listen_address()?;
    let front_end = FrontEnd {
        channel_auth_endpoint: var("CHANNEL_AUTH_ENDPOINT")?
            .unwrap_or_else(|| "/pusher/auth".to_owned()),
        user_auth_endpoint: var("USER_AUTH_ENDPOINT")?
            .unwrap_or_else(|| "/pusher/user-auth".to_owned()),
        ws_path: var("WS_PATH")?,
    };
    let options_json = options_json(&config, &front_end)
        .map_err(|err| format!("cannot serialize the pusher-js options: {err}"))?;
    let app = Arc::new(App {
        config,
        options_json,
    });
    let listener = tokio::net::TcpListener::bind(address)
        .await
        .map_err(|err| format!("cannot listen on {address}: {err}"))?;
    let bound = listener.local_addr().map_err(|err| err.to_string())?;
    println!("listening on http://{bound}");
    axum::serve(listener, router(app))
        .await
        .map_err(|err| err.to_string())
}

fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/pusher/auth", post(channel_auth))
        .route("/pusher/user-auth", post(user_auth))
        .route("/pusher/options.json", get(options))
        .route("/pusher/webhooks", post(webhooks))
        .with_state(app)
}

/// `BIND` and `PORT`, by default `127.0.0.1:3000`.
fn listen_address() -> Result<SocketAddr, String> {
    let ip = match var("BIND")? {
        Some(bind) => bind
            .parse::<IpAddr>()
            .map_err(|_| format!("`BIND` is `{bind}`; expected an IP address, like `0.0.0.0`"))?,
        None => IpAddr::V4(Ipv4Addr::LOCALHOST),
    };
    let port = match var("PORT")? {
        Some(port) => port
            .parse::<u16>()
            .map_err(|_| format!("`PORT` is `{port}`; expected a port number, 0 to 65535"))?,
        None => 3000,
    };
    Ok(SocketAddr::new(ip, port))
}

/// A variable of the example's own (not a Pusher setting); unset and empty are the same.
fn var(name: &str) -> Result<Option<String>, String> {
    match std::env::var(name) {
        Ok(value) if value.is_empty() => Ok(None),
        Ok(value) => Ok(Some(value)),
        Err(std::env::VarError::NotPresent) => Ok(None),
        Err(std::env::VarError::NotUnicode(_)) => Err(format!("`{name}` is not valid UTF-8")),
    }
}

/// The pusher-js options of the config, plus what only the app knows: where its auth endpoints
/// are and the server's WebSocket path.
fn options_json(config: &PusherConfig, front_end: &FrontEnd) -> serde_json::Result<String> {
    let client = ClientOptions::new();
    let mut options = config
        .pusher_js_options(&client)
        .channel_authorization(&front_end.channel_auth_endpoint)
        .user_authentication(&front_end.user_auth_endpoint);
    if let Some(path) = &front_end.ws_path {
        options = options.ws_path(path);
    }
    serde_json::to_string(&options)
}

async fn options(State(app): State<Arc<App>>) -> impl IntoResponse {
    (
        [(CONTENT_TYPE, "application/json")],
        app.options_json.clone(),
    )
}

/// Pusher's webhooks: verified, then logged one event a line. A real app acts on them here (a
/// presence member left, a channel became vacated) and answers quickly: Pusher waits for the
/// answer and retries a webhook that is not answered with a 2XX.
async fn webhooks(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<StatusCode, ApiError> {
    let webhook = receive_webhook(&app.config, &headers, &body)?;
    for event in &webhook.events {
        println!("{}", describe(webhook.time_ms, event));
    }
    Ok(StatusCode::OK)
}

/// The webhook in `body`, verified with the `X-Pusher-Key` and `X-Pusher-Signature` headers
/// (a missing one verifies as empty, and fails).
fn receive_webhook(
    config: &PusherConfig,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<Webhook, ApiError> {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
    };
    config
        .verify_webhook_events(header("x-pusher-key"), header("x-pusher-signature"), body)
        .map_err(|err| {
            let status = match err {
                SigningError::WebhookKeyMismatch | SigningError::WebhookSignatureMismatch => {
                    StatusCode::UNAUTHORIZED
                }
                _ => StatusCode::BAD_REQUEST,
            };
            ApiError {
                status,
                message: err.to_string(),
            }
        })
}

/// One log line for an event: its name, channel and who, never a client event's data.
fn describe(time_ms: u64, event: &WebhookEvent) -> String {
    let mut line = format!("webhook {}", event.name());
    if let Some(channel) = event.channel() {
        line.push_str(&format!(" {channel}"));
    }
    match event {
        WebhookEvent::MemberAdded { user_id, .. } | WebhookEvent::MemberRemoved { user_id, .. } => {
            line.push_str(&format!(" user {user_id}"));
        }
        WebhookEvent::ClientEvent { event, .. } => line.push_str(&format!(" event {event}")),
        WebhookEvent::SubscriptionCount {
            subscription_count, ..
        } => line.push_str(&format!(" count {subscription_count}")),
        _ => {}
    }
    line.push_str(&format!(" (time_ms {time_ms})"));
    line
}

/// The form pusher-js posts. Both optional here, so a missing one gets our message.
#[derive(Deserialize)]
struct AuthForm {
    socket_id: Option<String>,
    channel_name: Option<String>,
}

async fn channel_auth(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    form: Result<Form<AuthForm>, FormRejection>,
) -> Result<Json<ChannelAuth>, ApiError> {
    let Form(form) = form?;
    authorize(&app.config, &form, &headers).map(Json)
}

async fn user_auth(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    form: Result<Form<AuthForm>, FormRejection>,
) -> Result<Json<UserAuth>, ApiError> {
    let Form(form) = form?;
    authenticate(&app.config, &form, &headers).map(Json)
}

/// A `presence-` channel is authorized with the user as its member; any other channel goes to
/// `authorize_channel`, which signs a `private-` channel and refuses the rest with its reason.
fn authorize(
    config: &PusherConfig,
    form: &AuthForm,
    headers: &HeaderMap,
) -> Result<ChannelAuth, ApiError> {
    let socket_id = required(form.socket_id.as_deref(), "socket_id")?;
    let channel = required(form.channel_name.as_deref(), "channel_name")?;
    // A real app checks here that the session's user may subscribe to `channel`.
    if channel.starts_with("presence-") {
        let user = user(headers)?;
        let channel_data = serde_json::json!({
            "user_id": user.id,
            "user_info": { "name": user.name },
        })
        .to_string();
        Ok(config.authorize_presence_channel(socket_id, channel, &channel_data)?)
    } else {
        Ok(config.authorize_channel(socket_id, channel)?)
    }
}

/// The user data of `pusher.signin()`: `id` (required by Pusher) and `name`.
fn authenticate(
    config: &PusherConfig,
    form: &AuthForm,
    headers: &HeaderMap,
) -> Result<UserAuth, ApiError> {
    let socket_id = required(form.socket_id.as_deref(), "socket_id")?;
    let user = user(headers)?;
    let user_data = serde_json::json!({ "id": user.id, "name": user.name }).to_string();
    Ok(config.authenticate_user(socket_id, &user_data)?)
}

fn required<'a>(value: Option<&'a str>, name: &str) -> Result<&'a str, ApiError> {
    value.ok_or_else(|| ApiError::bad_request(format!("missing `{name}` in the form body")))
}

/// The signed-in user; here, for the example only, from request headers (see the crate docs).
struct User<'a> {
    id: &'a str,
    name: &'a str,
}

fn user(headers: &HeaderMap) -> Result<User<'_>, ApiError> {
    let header = |name: &str| match headers.get(name).map(|value| value.to_str()) {
        None => Ok(None),
        Some(Ok("")) => Ok(None),
        Some(Ok(value)) => Ok(Some(value)),
        Some(Err(_)) => Err(ApiError::bad_request(format!(
            "the `{name}` header is not visible ASCII"
        ))),
    };
    let id = header("x-user-id")?.ok_or_else(|| ApiError {
        status: StatusCode::FORBIDDEN,
        message: "no signed-in user; this example takes it from the `X-User-Id` header".to_owned(),
    })?;
    let name = header("x-user-name")?.unwrap_or(id);
    Ok(User { id, name })
}

/// An answer of `{"error": "<message>"}`. Messages come from the library's errors or from
/// here; none contains the secret.
#[derive(Debug)]
struct ApiError {
    status: StatusCode,
    message: String,
}

impl ApiError {
    fn bad_request(message: String) -> Self {
        Self {
            status: StatusCode::BAD_REQUEST,
            message,
        }
    }
}

impl From<SigningError> for ApiError {
    fn from(err: SigningError) -> Self {
        Self::bad_request(err.to_string())
    }
}

/// A body that is not a form (another content type, bad encoding, a field given twice).
impl From<FormRejection> for ApiError {
    fn from(rejection: FormRejection) -> Self {
        Self::bad_request(rejection.body_text())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = Json(serde_json::json!({ "error": self.message }));
        (self.status, body).into_response()
    }
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;
    use pusher_config::signing::Signer;
    use pusher_config::source::Vars;
    use serde_json::{json, Value};

    use super::*;

    const KEY: &str = "6b1e9f3a0c7d52e48a1f";
    const SECRET: &str = "d03c8a7e1f52b96e4a0c";

    fn config() -> PusherConfig {
        PusherConfig::from_vars(&Vars::from_pairs([
            ("PUSHER_APP_ID", "2047711"),
            ("PUSHER_KEY", KEY),
            ("PUSHER_SECRET", SECRET),
            ("PUSHER_HOST", "127.0.0.1"),
            ("PUSHER_PORT", "6001"),
            ("PUSHER_SCHEME", "http"),
        ]))
        .expect("a valid config")
    }

    fn form(socket_id: Option<&str>, channel_name: Option<&str>) -> AuthForm {
        AuthForm {
            socket_id: socket_id.map(str::to_owned),
            channel_name: channel_name.map(str::to_owned),
        }
    }

    fn user_headers(id: &str, name: Option<&str>) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert("x-user-id", HeaderValue::from_str(id).expect("ASCII"));
        if let Some(name) = name {
            headers.insert("x-user-name", HeaderValue::from_str(name).expect("ASCII"));
        }
        headers
    }

    #[test]
    fn a_private_channel_is_signed_as_the_library_signs_it() {
        let auth = authorize(
            &config(),
            &form(Some("1234.5678"), Some("private-chat")),
            &HeaderMap::new(),
        )
        .expect("authorized");
        let expected = Signer::new(KEY, SECRET)
            .authorize_channel("1234.5678", "private-chat")
            .expect("signed");
        assert_eq!(auth, expected);
    }

    #[test]
    fn a_presence_channel_carries_the_user_as_member() {
        let auth = authorize(
            &config(),
            &form(Some("1234.5678"), Some("presence-room")),
            &user_headers("ada", Some("Ada L")),
        )
        .expect("authorized");
        let data = r#"{"user_id":"ada","user_info":{"name":"Ada L"}}"#;
        assert_eq!(auth.channel_data(), Some(data));
        let expected = Signer::new(KEY, SECRET)
            .authorize_presence_channel("1234.5678", "presence-room", data)
            .expect("signed");
        assert_eq!(auth, expected);
    }

    #[test]
    fn sign_in_signs_the_user_data() {
        let auth = authenticate(
            &config(),
            &form(Some("1234.5678"), None),
            &user_headers("ada", None),
        )
        .expect("authenticated");
        let data = r#"{"id":"ada","name":"ada"}"#;
        let expected = Signer::new(KEY, SECRET)
            .authenticate_user("1234.5678", data)
            .expect("signed");
        assert_eq!(auth, expected);
    }

    #[test]
    fn bad_input_is_a_400_with_the_reason_and_never_the_secret() {
        let config = config();
        let none = HeaderMap::new();
        let cases = [
            (
                form(Some("1234"), Some("private-chat")),
                "invalid socket id",
            ),
            (form(None, Some("private-chat")), "missing `socket_id`"),
            (form(Some("1.2"), None), "missing `channel_name`"),
            (
                form(Some("1.2"), Some("chat")),
                "needs a `private-` channel",
            ),
            (
                form(Some("1.2"), Some("private-a b")),
                "channel name contains",
            ),
        ];
        for (form, why) in cases {
            let err = authorize(&config, &form, &none).expect_err(why);
            assert_eq!(err.status, StatusCode::BAD_REQUEST, "{why}");
            assert!(err.message.contains(why), "{}", err.message);
            assert!(!err.message.contains(SECRET));
        }
    }

    #[test]
    fn presence_and_sign_in_need_a_user() {
        let config = config();
        let presence = form(Some("1.2"), Some("presence-room"));
        let err = authorize(&config, &presence, &HeaderMap::new()).expect_err("no user");
        assert_eq!(err.status, StatusCode::FORBIDDEN);
        let err = authenticate(&config, &presence, &HeaderMap::new()).expect_err("no user");
        assert_eq!(err.status, StatusCode::FORBIDDEN);
    }

    #[test]
    fn options_point_pusher_js_at_the_endpoints_and_hold_no_secret() {
        let front_end = FrontEnd {
            channel_auth_endpoint: "/pusher/auth".to_owned(),
            user_auth_endpoint: "https://example.org/pusher/user-auth".to_owned(),
            ws_path: Some("/ws".to_owned()),
        };
        let text = options_json(&config(), &front_end).expect("serializes");
        assert!(
            !text.contains(SECRET) && !text.contains("2047711"),
            "{text}"
        );
        let value: Value = serde_json::from_str(&text).expect("JSON");
        assert_eq!(value["key"], KEY);
        assert_eq!(value["wsHost"], "127.0.0.1");
        assert_eq!(value["wsPort"], 6001);
        assert_eq!(value["forceTLS"], false);
        assert_eq!(value["wsPath"], "/ws");
        assert_eq!(
            value["channelAuthorization"],
            json!({ "endpoint": "/pusher/auth", "transport": "ajax" })
        );
        assert_eq!(
            value["userAuthentication"],
            json!({ "endpoint": "https://example.org/pusher/user-auth", "transport": "ajax" })
        );
    }

    fn signed(body: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert("x-pusher-key", HeaderValue::from_static(KEY));
        let signature = Signer::new(KEY, SECRET).sign_webhook(body);
        headers.insert(
            "x-pusher-signature",
            HeaderValue::from_str(&signature).expect("hex"),
        );
        headers
    }

    #[test]
    fn a_signed_webhook_is_read_as_typed_events_and_logged_without_data() {
        // Pusher's documented examples, batched.
        let body = r#"{"time_ms":1327078148132,"events":[{"name":"channel_occupied","channel":"test_channel"},{"name":"member_added","channel":"presence-your_channel_name","user_id":"a_user_id"},{"name":"client_event","channel":"private-chat","event":"client-typing","data":"{\"secret\":\"words\"}","socket_id":"1.2"},{"name":"member_updated","channel":"presence-a"}]}"#;
        let webhook = receive_webhook(&config(), &signed(body), body.as_bytes()).expect("verified");
        let lines: Vec<String> = webhook
            .events
            .iter()
            .map(|event| describe(webhook.time_ms, event))
            .collect();
        assert_eq!(
            lines,
            [
                "webhook channel_occupied test_channel (time_ms 1327078148132)",
                "webhook member_added presence-your_channel_name user a_user_id (time_ms 1327078148132)",
                "webhook client_event private-chat event client-typing (time_ms 1327078148132)",
                "webhook member_updated presence-a (time_ms 1327078148132)",
            ]
        );
    }

    #[test]
    fn an_unsigned_or_forged_webhook_is_a_401_and_a_bad_body_a_400() {
        let body = r#"{"time_ms":1,"events":[]}"#;
        let mut forged = signed(r#"{"time_ms":2,"events":[]}"#);
        let err = receive_webhook(&config(), &forged, body.as_bytes()).expect_err("forged");
        assert_eq!(err.status, StatusCode::UNAUTHORIZED);
        assert!(
            err.message.contains("X-Pusher-Signature"),
            "{}",
            err.message
        );
        forged.insert("x-pusher-key", HeaderValue::from_static("another-key"));
        let err = receive_webhook(&config(), &forged, body.as_bytes()).expect_err("other key");
        assert_eq!(err.status, StatusCode::UNAUTHORIZED);
        let err = receive_webhook(&config(), &HeaderMap::new(), body.as_bytes()).expect_err("none");
        assert_eq!(err.status, StatusCode::UNAUTHORIZED);
        let not_a_webhook = r#"{"events":[]}"#;
        let err = receive_webhook(&config(), &signed(not_a_webhook), not_a_webhook.as_bytes())
            .expect_err("no time_ms");
        assert_eq!(err.status, StatusCode::BAD_REQUEST);
        assert!(!err.message.contains(SECRET));
    }

    #[test]
    fn without_a_ws_path_pusher_js_keeps_its_default() {
        let front_end = FrontEnd {
            channel_auth_endpoint: "/a".to_owned(),
            user_auth_endpoint: "/b".to_owned(),
            ws_path: None,
        };
        let text = options_json(&config(), &front_end).expect("serializes");
        assert!(!text.contains("wsPath"), "{text}");
    }
}
