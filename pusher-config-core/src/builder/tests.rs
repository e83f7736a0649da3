//! Unit tests of the builders and of `Deserialize`: the rules of the macro, the values' names
//! in messages, nothing secret shown.

use super::*;
use crate::rules::ProblemKind;

const APP_ID: &str = "2047711";
const KEY: &str = "9c2e4b7a1f08d3e65b4a";
const SECRET: &str = "3f7d0a9e6c1b8e2d4a57";
const STRIPE: &str = "pk_live_51Hq2xK7f3Rb9QmZpL0sT4vW8yA1cE5gI7kM9oQ2sU4wY6";

fn hosted(key: &str) -> PusherConfigBuilder {
    PusherConfig::builder()
        .app_id(APP_ID)
        .key(key)
        .secret(SECRET)
        .cluster("eu")
}

#[test]
fn a_valid_config_builds_as_from_vars_loads_it() {
    let built = hosted(KEY).build().expect("valid");
    let vars = Vars::from_pairs([
        ("PUSHER_APP_ID", APP_ID),
        ("PUSHER_KEY", KEY),
        ("PUSHER_SECRET", SECRET),
        ("PUSHER_CLUSTER", "eu"),
    ]);
    assert_eq!(built, PusherConfig::from_vars(&vars).expect("valid"));
    assert_eq!(built.secret().expose_secret(), SECRET);
    assert_eq!(built.cluster().as_str(), "eu");
}

#[test]
fn a_stripe_key_is_refused_by_the_rules_and_named_by_its_variable() {
    let problems = hosted(STRIPE).build().expect_err("a Stripe key");
    assert!(problems.has(ProblemKind::ForeignCredential), "{problems}");
    let shown = problems.to_string();
    assert!(
        shown.starts_with("error: `PUSHER_KEY` in the given variables is a Stripe-style key"),
        "{shown}"
    );
    assert!(
        !shown.contains(STRIPE) && !shown.contains(SECRET),
        "{shown}"
    );
}

#[test]
fn a_missing_setting_is_named_by_its_variable() {
    let problems = PusherConfig::builder()
        .app_id(APP_ID)
        .key(KEY)
        .cluster("eu")
        .build()
        .expect_err("no secret");
    let missing: Vec<_> = problems.iter().map(|p| (p.kind, p.var.as_str())).collect();
    assert_eq!(missing, [(ProblemKind::Missing, "PUSHER_SECRET")]);
    assert!(
        problems
            .to_string()
            .starts_with("error: `PUSHER_SECRET` is not set\n"),
        "{problems}"
    );
}

#[test]
fn typed_port_and_scheme_are_checked_as_their_text() {
    let config = PusherConfig::builder()
        .app_id("app-id")
        .key("app-key")
        .secret("app-secret")
        .host("127.0.0.1")
        .port(6001)
        .scheme(Scheme::Http)
        .build()
        .expect("soketi's defaults");
    assert_eq!(config.port(), Some(6001));
    assert_eq!(config.scheme(), Scheme::Http);
    let zero = PublicConfig::builder()
        .key("app-key")
        .host("127.0.0.1")
        .port(0)
        .build()
        .expect_err("port 0");
    assert!(zero.has(ProblemKind::Format), "{zero}");
    assert!(zero.to_string().contains("`PUSHER_PORT`"), "{zero}");
}

#[test]
fn the_public_builder_runs_the_client_rules() {
    let public = PublicConfig::builder()
        .key(KEY)
        .cluster("eu")
        .build()
        .expect("valid");
    assert_eq!(&public, hosted(KEY).build().expect("valid").public());
    let europe = PublicConfig::builder()
        .key(KEY)
        .cluster("europe")
        .build()
        .expect_err("not a cluster");
    assert!(
        europe.to_string().contains("did you mean `eu`?"),
        "{europe}"
    );
}

#[test]
fn debug_masks_credentials_and_redacts_the_secret() {
    let builder = hosted(KEY);
    let shown = format!("{builder:?}");
    assert_eq!(
        shown,
        "PusherConfigBuilder { app_id: Some(`2…` (7 chars)), key: Some(`9c2e…` (20 chars)), \
         secret: Some([redacted secret, 20 chars]), cluster: Some(\"eu\"), host: None, \
         port: None, scheme: None, encryption_master_key_base64: None }"
    );
    let with_key = format!(
        "{:?}",
        hosted(KEY).encryption_master_key_base64("bfJ8MRJ7VV3j6vBhCfmPBBRQJ1gqxvA8zbF0Rl+YjP0=")
    );
    assert!(
        with_key.contains("encryption_master_key_base64: Some([redacted secret, 44 chars])"),
        "{with_key}"
    );
    let public = format!("{:?}", PublicConfig::builder().key(STRIPE));
    assert!(!public.contains(STRIPE), "{public}");
    assert!(
        public.starts_with("PublicConfigBuilder { key: Some("),
        "{public}"
    );
}

#[cfg(feature = "serde")]
mod serde {
    use super::*;

    fn server(json: &str) -> Result<PusherConfig, serde_json::Error> {
        serde_json::from_str(json)
    }

    #[test]
    fn a_valid_settings_object_deserializes_as_the_builder_builds_it() {
        let config = server(&format!(
            r#"{{"app_id": {APP_ID}, "key": "{KEY}", "secret": "{SECRET}", "cluster": "eu"}}"#
        ))
        .expect("valid");
        assert_eq!(config, hosted(KEY).build().expect("valid"));
        let soketi = server(
            r#"{"app_id": "app-id", "key": "app-key", "secret": "app-secret",
                "host": "127.0.0.1", "port": 6001, "scheme": "http", "cluster": null}"#,
        )
        .expect("soketi's defaults");
        assert_eq!(soketi.port(), Some(6001));
    }

    #[test]
    fn a_stripe_key_is_refused_with_the_rules_message_and_no_secret() {
        let error = server(&format!(
            r#"{{"app_id": "{APP_ID}", "key": "{STRIPE}", "secret": "{SECRET}", "cluster": "eu"}}"#
        ))
        .expect_err("a Stripe key")
        .to_string();
        assert!(
            error.starts_with("error: `PUSHER_KEY` in the given variables is a Stripe-style key"),
            "{error}"
        );
        assert!(
            !error.contains(SECRET) && !error.contains(STRIPE),
            "{error}"
        );
    }

    #[test]
    fn the_secret_never_shows_in_an_error() {
        // The secret pasted into the cluster: the message names it without quoting it.
        let error = server(&format!(
            r#"{{"app_id": "{APP_ID}", "key": "{KEY}", "secret": "{SECRET}", "cluster": "{SECRET}"}}"#
        ))
        .expect_err("the secret in the cluster")
        .to_string();
        assert!(error.contains("`PUSHER_CLUSTER`"), "{error}");
        assert!(!error.contains(SECRET), "{error}");
    }

    #[test]
    fn out_of_range_and_unknown_fields_are_errors() {
        let port = serde_json::from_str::<PublicConfig>(
            r#"{"key": "app-key", "host": "ws.example.org", "port": 70000}"#,
        )
        .expect_err("port 70000")
        .to_string();
        assert!(port.contains("`PUSHER_PORT`"), "{port}");
        let typo = server(&format!(r#"{{"app_id": "{APP_ID}", "kye": "{KEY}"}}"#))
            .expect_err("unknown field")
            .to_string();
        assert!(typo.starts_with("unknown field `kye`"), "{typo}");
        // A public config never holds the secret, not even to ignore it.
        let secret = serde_json::from_str::<PublicConfig>(&format!(
            r#"{{"key": "{KEY}", "cluster": "eu", "secret": "{SECRET}"}}"#
        ))
        .expect_err("a secret in a public config")
        .to_string();
        assert!(secret.starts_with("unknown field `secret`"), "{secret}");
        assert!(!secret.contains(SECRET), "{secret}");
    }
}
