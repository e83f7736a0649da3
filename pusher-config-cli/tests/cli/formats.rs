//! `--format human|json|github|sarif`: each well formed, each with the rules' messages.

use pusher_config_core::rules::ProblemKind;
use serde_json::Value;

use crate::support::{incident, Project, VALID};

/// A project whose `.env` has a Stripe key on line 3 and no secret, in a folder whose name
/// needs escaping as a workflow command's property.
fn project() -> (Project, &'static str) {
    let project = Project::new("formats");
    let file = "dir,with:colon/.env";
    let without_secret: String = incident()
        .lines()
        .filter(|line| !line.starts_with("PUSHER_SECRET="))
        .map(|line| format!("{line}\n"))
        .collect();
    project.write(file, &without_secret);
    (project, file)
}

#[test]
fn human_reads_like_a_compile_error_with_the_value_masked() {
    let (project, file) = project();
    let run = project.check(&[file]);
    assert_eq!(run.code, 1, "{run:?}");
    let expected = "\
error: `PUSHER_KEY` in `dir,with:colon/.env` line 3 is a Stripe-style key (the `pk_`/`sk_` prefix of Stripe, Clerk, Paystack and others), not a Pusher credential: `pk_live_…` (87 chars)
 --> dir,with:colon/.env:3
  |
3 | PUSHER_KEY=[87 chars]
  |            ^^^^^^^^^^
  = help: copy the Pusher key from the Pusher Channels dashboard, under App Keys; a Pusher key or secret is 20 lowercase hex characters and never starts with `pk_`, `sk_`, `rk_` or `whsec_`
";
    assert!(run.stdout.contains(expected), "{}", run.stdout);
    // A variable that is not set has no file to point at.
    assert!(run.stdout.contains(
        "error: `PUSHER_SECRET` is not set in the process environment or `dir,with:colon/.env`\n  \
         = help: set `PUSHER_SECRET`"
    ));
    // No colour when the output is not a terminal.
    assert!(!run.stdout.contains('\x1b'));
}

#[test]
fn json_has_the_documented_fields() {
    let (project, file) = project();
    let run = project.check(&[file, "--format", "json"]);
    assert_eq!(run.code, 1, "{run:?}");
    let report = run.json();
    let fields: Vec<&str> = report
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    let mut documented = [
        "version",
        "framework",
        "mode",
        "client",
        "files",
        "ok",
        "problems",
    ];
    documented.sort_unstable();
    assert_eq!(fields, documented);
    assert_eq!(report["version"], 1);
    assert_eq!(report["framework"], Value::Null);
    assert_eq!(report["files"], serde_json::json!([file]));
    assert_eq!(report["ok"], false);
    let problems = report["problems"].as_array().expect("problems");
    let key = &problems[0];
    assert_eq!(key["kind"], "foreign_credential");
    assert_eq!(key["variable"], "PUSHER_KEY");
    assert_eq!(key["file"], file);
    assert_eq!(key["line"], 3);
    assert!(key["message"]
        .as_str()
        .is_some_and(|m| m.starts_with("`PUSHER_KEY` in `dir,with:colon/.env` line 3")));
    assert!(key["help"]
        .as_str()
        .is_some_and(|h| h.starts_with("copy the Pusher key")));
    let secret = problems
        .iter()
        .find(|p| p["variable"] == "PUSHER_SECRET")
        .expect("the secret is missing");
    assert_eq!(secret["kind"], "missing");
    assert_eq!(
        (&secret["file"], &secret["line"]),
        (&Value::Null, &Value::Null)
    );

    let right = Project::new("json-right");
    right
        .write(".env", VALID)
        .write("package.json", r#"{"dependencies":{"next":"15"}}"#);
    let report = right.check(&["--format", "json", "--client"]).json();
    assert_eq!(report["ok"], true);
    assert_eq!(report["client"], true);
    assert_eq!(report["framework"], "nextjs");
    assert_eq!(report["mode"], "development");
    assert_eq!(report["problems"], serde_json::json!([]));
}

/// GitHub's unescaping of a workflow command's property value or message.
fn unescape(text: &str) -> String {
    text.replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%")
}

#[test]
fn github_lines_are_well_formed_workflow_commands() {
    let (project, file) = project();
    let run = project.check(&[file, "--format", "github"]);
    assert_eq!(run.code, 1, "{run:?}");
    let report = project.check(&[file, "--format", "json"]).json();
    let problems = report["problems"].as_array().expect("problems");
    let commands: Vec<&str> = run.stdout.lines().filter(|l| l.starts_with("::")).collect();
    assert_eq!(commands.len(), problems.len(), "{}", run.stdout);
    for (command, problem) in commands.iter().zip(problems) {
        let rest = command.strip_prefix("::error ").expect("an error command");
        let (properties, message) = rest.split_once("::").expect("properties::message");
        assert!(!message.contains(['\r', '\n']));
        let mut file_property = None;
        for property in properties.split(',') {
            let (name, value) = property.split_once('=').expect("name=value");
            assert!(!value.contains([':', ',', '\r', '\n']), "{property}");
            match name {
                "file" => file_property = Some(unescape(value)),
                "line" => assert_eq!(value, problem["line"].to_string()),
                "title" => assert_eq!(
                    unescape(value),
                    format!("pusher-config: {}", problem["kind"].as_str().unwrap_or(""))
                ),
                _ => panic!("unknown property {name}"),
            }
        }
        assert_eq!(file_property.as_deref(), problem["file"].as_str());
        let mut expected = problem["message"].as_str().unwrap_or("").to_owned();
        if let Some(help) = problem["help"].as_str() {
            expected.push_str(&format!("\nhelp: {help}"));
        }
        assert_eq!(unescape(message), expected);
    }
    assert!(commands[0].starts_with(
        "::error file=dir%2Cwith%3Acolon/.env,line=3,title=pusher-config%3A foreign_credential::"
    ));
}

#[test]
fn sarif_is_a_sarif_2_1_0_log_with_one_rule_per_kind() {
    let (project, file) = project();
    let run = project.check(&[file, "--format", "sarif"]);
    assert_eq!(run.code, 1, "{run:?}");
    let log = run.json();
    assert_eq!(log["version"], "2.1.0");
    assert!(log["$schema"]
        .as_str()
        .is_some_and(|s| s.contains("sarif-2.1.0")));
    let runs = log["runs"].as_array().expect("runs");
    assert_eq!(runs.len(), 1);
    let driver = &runs[0]["tool"]["driver"];
    assert_eq!(driver["name"], "pusher-config");
    let ids: Vec<&str> = driver["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .map(|rule| rule["id"].as_str().expect("an id"))
        .collect();
    let codes: Vec<&str> = ProblemKind::ALL.iter().map(|kind| kind.code()).collect();
    assert_eq!(ids, codes);
    let results = runs[0]["results"].as_array().expect("results");
    assert_eq!(results.len(), 3, "{results:#?}");
    for result in results {
        let id = result["ruleId"].as_str().expect("a rule id");
        let index = result["ruleIndex"].as_u64().expect("a rule index") as usize;
        assert_eq!(ids[index], id);
        assert_eq!(result["level"], "error");
        assert!(result["message"]["text"]
            .as_str()
            .is_some_and(|t| !t.is_empty()));
        let location = &result["locations"][0]["physicalLocation"];
        assert_eq!(
            location["artifactLocation"]["uri"],
            "dir%2Cwith%3Acolon/.env"
        );
        assert!(location["region"]["startLine"]
            .as_u64()
            .is_some_and(|l| l >= 1));
    }
    assert_eq!(
        results[0]["locations"][0]["physicalLocation"]["region"]["startLine"],
        3
    );
    let artifacts = &runs[0]["artifacts"];
    assert_eq!(artifacts[0]["location"]["uri"], "dir%2Cwith%3Acolon/.env");
}
