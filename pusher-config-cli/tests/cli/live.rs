//! `check --live`: the service itself asked, after the rules. The answers of a real server are
//! checked against sockudo by `scripts/e2e-sockudo.sh`, which runs the `#[ignore]`d tests here
//! with `LIVE_SOCKUDO_*` pointing at the server it started.

use std::time::{Duration, Instant};

use crate::support::{Project, Run};

/// A self-hosted `.env` for `port` on loopback, with this app's `key`, `secret`, `app_id`.
fn self_hosted(port: &str, app_id: &str, key: &str, secret: &str) -> String {
    format!(
        "PUSHER_APP_ID={app_id}\nPUSHER_KEY={key}\nPUSHER_SECRET={secret}\nPUSHER_HOST=127.0.0.1\nPUSHER_PORT={port}\nPUSHER_SCHEME=http\n"
    )
}

fn live(env: &str) -> (Run, Duration) {
    let project = Project::new("live");
    project.write(".env", env);
    let started = Instant::now();
    let run = project.check(&["--framework", "dotenv", "--live", "--timeout", "3"]);
    (run, started.elapsed())
}

/// A port on loopback where nothing listens.
fn closed_port() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
    let port = listener.local_addr().expect("its address").port();
    drop(listener);
    port.to_string()
}

#[test]
fn without_a_server_it_could_not_check_and_says_so_quickly() {
    let (run, took) = live(&self_hosted(
        &closed_port(),
        "2047711",
        "app-key",
        "app-secret",
    ));
    assert_eq!(run.code, 2, "{run:?}");
    assert!(took < Duration::from_secs(15), "{took:?}");
    assert!(
        run.stdout.contains("refused") || run.stdout.contains("unreachable"),
        "{run:?}"
    );
    assert!(!run.stdout.contains("app-secret") && !run.stderr.contains("app-secret"));
}

#[test]
fn problems_found_by_the_rules_skip_the_live_check() {
    let (run, _) = live(&self_hosted(
        &closed_port(),
        "2047711",
        "pk_live_51Hq2xK7f3Rb9QmZpL0sT4vW8yA1cE5gI7kM9oQ2sU4wY6",
        "app-secret",
    ));
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        !run.stdout.contains("refused"),
        "asked the service anyway: {run:?}"
    );
}

#[test]
fn live_and_client_cannot_be_asked_together() {
    let project = Project::new("live-client");
    let run = project.check(&["--live", "--client"]);
    assert_eq!(run.code, 2, "{run:?}");
}

/// The server `scripts/e2e-sockudo.sh` started, and its app: port, app id, key, secret.
fn sockudo() -> (String, String, String, String) {
    let var = |name: &str| {
        std::env::var(name).unwrap_or_else(|_| {
            panic!("{name} is not set: run these tests through `bash scripts/e2e-sockudo.sh`")
        })
    };
    (
        var("LIVE_SOCKUDO_PORT"),
        var("LIVE_SOCKUDO_APP_ID"),
        var("LIVE_SOCKUDO_KEY"),
        var("LIVE_SOCKUDO_SECRET"),
    )
}

#[test]
#[ignore = "needs the sockudo that scripts/e2e-sockudo.sh starts"]
fn sockudo_right_config_exits_0_and_each_wrong_credential_exits_1_naming_it() {
    let (port, app_id, key, secret) = sockudo();
    let (run, _) = live(&self_hosted(&port, &app_id, &key, &secret));
    assert_eq!(run.code, 0, "{run:?}");
    let wrong = [
        (
            self_hosted(&port, &app_id, &key, "0123456789abcdef0123"),
            "PUSHER_SECRET",
        ),
        (
            self_hosted(&port, &app_id, "0123456789abcdef0123", &secret),
            "PUSHER_KEY",
        ),
        (
            self_hosted(&port, "9999999", &key, &secret),
            "PUSHER_APP_ID",
        ),
    ];
    for (env, variable) in wrong {
        let (run, _) = live(&env);
        assert_eq!(run.code, 1, "{variable}: {run:?}");
        assert!(
            run.stdout.contains(&format!("fix `{variable}`")),
            "{variable}: {run:?}"
        );
        assert!(!run.stdout.contains(&secret), "{run:?}");
    }
}
