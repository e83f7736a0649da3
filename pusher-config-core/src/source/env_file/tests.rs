use super::*;
use crate::names::Mode;

/// A file in a fresh temporary folder, removed when dropped.
struct TempEnv {
    dir: std::path::PathBuf,
}

impl TempEnv {
    fn new(tag: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("pc-envfile-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        Self { dir }
    }

    fn file(&self, text: &str) -> std::path::PathBuf {
        let path = self.dir.join(".env");
        std::fs::write(&path, text).expect("write");
        path
    }
}

impl Drop for TempEnv {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn read(tag: &str, text: &str) -> EnvFile {
    let temp = TempEnv::new(tag);
    read_env_file(&temp.file(text), ".env", |_| true)
}

fn messages(file: &EnvFile) -> Vec<String> {
    file.errors.iter().map(ToString::to_string).collect()
}

#[test]
fn an_unclosed_quote_is_reported_on_its_own_line() {
    let file = read(
        "unclosed",
        "# a comment with a 'quote\nPUSHER_APP_ID=1\nPUSHER_SECRET='0123abcd\nPUSHER_KEY=9\n",
    );
    assert_eq!(
        messages(&file),
        ["cannot parse `.env` line 3: a quote opened on this line is never closed"]
    );
    assert_eq!(
        file.vars.get("PUSHER_APP_ID").map(|v| v.value.as_str()),
        Some("1")
    );
}

#[test]
fn a_last_line_cut_short_says_why() {
    let file = read("cut-space", "PUSHER_CLUSTER=eu\nPUSHER_HOST=soketi ");
    assert_eq!(
        messages(&file),
        ["cannot parse `.env` line 2: the file ends in this line, after a space and with no line end; remove the space or end the line"]
    );
    let file = read("cut-backslash", "PUSHER_HOST=soketi\\");
    assert!(messages(&file)[0].contains("line 1: the file ends in this line, after a backslash"));
}

#[test]
fn every_bad_line_names_its_own_line() {
    let file = read("bad-lines", "A B=1\nPUSHER_KEY=x\nA B=1\nA B=1\n");
    let lines: Vec<_> = file.errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, [Some(1), Some(3), Some(4)]);
    let file = read("after-multiline", "A='x\ny'\nB C\n");
    assert_eq!(file.errors[0].line, Some(3));
}

#[test]
fn a_redefinition_names_both_lines() {
    let file = read(
        "twice",
        "PUSHER_KEY=1\n# PUSHER_KEY=2\nPUSHER_KEY=1\nPUSHER_KEY=3\n",
    );
    assert_eq!(
        messages(&file),
        [
            "`.env` line 4 defines `PUSHER_KEY` again, with another value than on line 1; \
          dotenvy and Laravel read the first, Next.js the last: keep one"
        ]
    );
}

#[test]
fn a_byte_order_mark_is_not_part_of_the_first_name() {
    let file = read("bom", "\u{feff}PUSHER_APP_ID=2047711\nPUSHER_CLUSTER=eu\n");
    assert!(file.errors.is_empty(), "{:?}", file.errors);
    assert_eq!(
        file.vars.get("PUSHER_APP_ID").map(|v| v.origin.clone()),
        Some(Origin::EnvFile {
            path: ".env".to_owned(),
            line: Some(1)
        })
    );
}

#[test]
fn references_follow_the_files_variables_and_skip_unrelated_lines() {
    let file = read(
        "references",
        "REGION_ALIAS=${REGION}\nPUSHER_CLUSTER=${REGION_ALIAS}\nGH=${GITHUB_TOKEN}\n\
         DB='pa$$SECRETPART'\nNEXT_PUBLIC_SITE=${SITE_URL}\n",
    );
    let references: Vec<_> = file.references.iter().collect();
    assert_eq!(references, ["REGION", "REGION_ALIAS"]);
}

#[test]
fn a_client_read_never_tracks_the_secret_a_public_value_was_expanded_from() {
    let temp = TempEnv::new("client-refs");
    let path = temp.file(
        "PUSHER_APP_SECRET=0f1e2d3c4b5a69788796\nALIAS=${PUSHER_APP_SECRET}\n\
         VITE_PUSHER_APP_KEY=\"${ALIAS}\"\n",
    );
    let file = read_env_file(&path, ".env", |name| Mode::Client.reads_name(name));
    assert!(file
        .references
        .iter()
        .all(|name| Mode::Client.reads_name(name)));
    assert!(file.vars.get("PUSHER_APP_SECRET").is_none());
    let key = file.vars.get("VITE_PUSHER_APP_KEY").expect("read");
    assert_eq!(key.from_secret.as_deref(), Some("PUSHER_APP_SECRET"));
}

#[test]
fn an_expansion_bomb_stops_at_the_line_past_the_limit() {
    let mut text = String::from("V0=xxxxxxxxxxxxxxxx\n");
    for i in 1..40 {
        text.push_str(&format!("V{i}=${{V{}}}${{V{}}}\n", i - 1, i - 1));
    }
    text.push_str("PUSHER_KEY=after\n");
    // The limit is found before dotenvy expands anything (so a broken count fails here, fast,
    // instead of expanding the bomb).
    let (count, limit) = within_limits(&segments(&text));
    assert_eq!((count, limit.map(|(line, _)| line)), (13, Some(14)));
    let started = std::time::Instant::now();
    let file = read("bomb", &text);
    assert!(started.elapsed() < std::time::Duration::from_secs(2));
    assert_eq!(file.errors.len(), 1, "{:?}", file.errors);
    let error = &file.errors[0];
    assert_eq!(error.kind, EnvFileErrorKind::TooLarge);
    // 16 bytes doubled 13 times is 131,072, the first past 65,536: line 14 defines `V13`.
    assert_eq!(error.line, Some(14));
    assert!(
        error
            .to_string()
            .contains("`V13` would expand to 131072 bytes"),
        "{error}"
    );
    assert!(file.vars.get("PUSHER_KEY").is_none());
}

#[test]
fn what_is_not_a_regular_file_is_an_error_that_says_so() {
    let temp = TempEnv::new("kinds");
    // A regular file is read (checked first: a FIFO wrongly opened would wait forever).
    let regular = temp.file("PUSHER_CLUSTER=eu\n");
    let file = read_env_file(&regular, ".env", |_| true);
    assert!(file.read && file.errors.is_empty(), "{:?}", file.errors);
    let folder = temp.dir.join("folder.env");
    std::fs::create_dir_all(&folder).expect("folder");
    let file = read_env_file(&folder, "folder.env", |_| true);
    assert_eq!(
        messages(&file),
        ["cannot read `folder.env`: it is a folder, not a file"]
    );

    let broken = temp.dir.join("broken.env");
    std::os::unix::fs::symlink(temp.dir.join("missing"), &broken).expect("link");
    let file = read_env_file(&broken, "broken.env", |_| true);
    assert_eq!(
        messages(&file),
        ["cannot read `broken.env`: it is a link to a file that does not exist"]
    );

    let fifo = temp.dir.join("fifo.env");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|status| status.success()) {
        let file = read_env_file(&fifo, "fifo.env", |_| true);
        assert_eq!(
            messages(&file),
            ["cannot read `fifo.env`: it is not a regular file (a pipe, socket or device)"]
        );
    }
}

#[test]
fn a_file_over_the_size_limit_is_not_read() {
    let temp = TempEnv::new("huge");
    let path = temp.dir.join(".env");
    let file = std::fs::File::create(&path).expect("create");
    file.set_len(MAX_FILE_BYTES + 1).expect("sparse file");
    let read = read_env_file(&path, ".env", |_| true);
    assert!(!read.read);
    assert_eq!(
        messages(&read),
        [format!(
            "cannot read `.env`: it has {} bytes, more than the {MAX_FILE_BYTES} bytes a `.env` file may have",
            MAX_FILE_BYTES + 1
        )]
    );
}

#[test]
fn twenty_thousand_unrelated_variables_read_in_linear_time() {
    let mut text = String::new();
    for i in 0..20_000 {
        text.push_str(&format!("UNRELATED_{i}=value-{i}-${{HOME}}\n"));
    }
    text.push_str("PUSHER_CLUSTER=eu\n");
    let started = std::time::Instant::now();
    let file = read("many", &text);
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
    assert_eq!(
        file.vars.get("PUSHER_CLUSTER").map(|v| v.origin.clone()),
        Some(Origin::EnvFile {
            path: ".env".to_owned(),
            line: Some(20_001),
        })
    );
    assert!(file.references.is_empty());
}

#[test]
fn a_file_of_four_mebibytes_is_read() {
    // The last byte is the value's own, so a file cut short would change it.
    let last = "\nPUSHER_CLUSTER=eu";
    let mut text = String::from("#");
    text.push_str(&"x".repeat(4 * 1024 * 1024 - last.len() - 1));
    text.push_str(last);
    assert_eq!(text.len(), 4 * 1024 * 1024);
    let file = read("four-mib", &text);
    assert!(file.read);
    assert!(file.errors.is_empty(), "{:?}", file.errors);
    assert_eq!(
        file.vars.get("PUSHER_CLUSTER").map(|v| v.value.as_str()),
        Some("eu")
    );
}

#[test]
fn values_may_expand_to_sixteen_mebibytes_in_all_and_not_one_byte_more() {
    // 2 bytes, 256 values of 65,534 bytes and 510 more: 16,777,216 bytes, then one more.
    let mut text = format!("PUSHER_CLUSTER=eu\nV0={}\n", "x".repeat(65_534));
    for i in 1..256 {
        text.push_str(&format!("V{i}=${{V0}}\n"));
    }
    text.push_str(&format!("PAD={}\nPUSHER_HOST=s\n", "p".repeat(510)));
    let file = read("sixteen-mib", &text);
    assert_eq!(
        file.vars.get("PUSHER_CLUSTER").map(|v| v.value.as_str()),
        Some("eu")
    );
    assert_eq!(
        messages(&file),
        [
            "`.env` line 259: the file's values would expand to more than 16777216 bytes; \
          nothing from this line on is read"
        ]
    );
    assert!(file.vars.get("PUSHER_HOST").is_none());
}

#[test]
fn after_a_space_a_comment_or_quote_is_read_as_dotenvy_reads_it() {
    // A quote in a comment opens nothing; a quote after a space opens a value that spans
    // lines (and does not parse): the next definition keeps its own line.
    for (tag, text, errors, line) in [
        (
            "space-comment",
            "PUSHER_APP_ID=2047711 # it's the staging app\nPUSHER_CLUSTER=eu\n",
            vec![],
            2,
        ),
        (
            "space-single",
            "PUSHER_HOST=a 'b\nc'\nPUSHER_CLUSTER=eu\n",
            vec![Some(1)],
            3,
        ),
        (
            "space-double",
            "PUSHER_HOST=a \"b\nc\"\nPUSHER_CLUSTER=eu\n",
            vec![Some(1)],
            3,
        ),
    ] {
        let file = read(tag, text);
        let lines: Vec<_> = file.errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, errors, "{text:?}: {:?}", file.errors);
        assert_eq!(
            file.vars.get("PUSHER_CLUSTER").map(|v| v.origin.clone()),
            Some(Origin::EnvFile {
                path: ".env".to_owned(),
                line: Some(line),
            }),
            "{text:?}"
        );
    }
}

#[test]
fn a_last_line_ending_in_a_space_and_a_backslash_says_why() {
    let file = read(
        "cut-space-backslash",
        "PUSHER_CLUSTER=eu\nPUSHER_HOST=soketi \\",
    );
    assert_eq!(
        messages(&file),
        [
            "cannot parse `.env` line 2: the file ends in this line, after a backslash and with \
          no line end; remove the backslash or end the line"
        ]
    );
}

#[test]
fn references_follow_names_that_start_with_an_underscore_or_hold_a_dot() {
    let file = read(
        "name-chars",
        "_REGION=${REGION}\nAPP.REGION=${_REGION}\nPUSHER_CLUSTER=${APP.REGION}\n",
    );
    assert!(file.errors.is_empty(), "{:?}", file.errors);
    let references: Vec<_> = file.references.iter().collect();
    assert_eq!(references, ["APP.REGION", "REGION", "_REGION"]);
}

#[test]
fn a_line_that_is_not_a_definition_counts_for_no_limit() {
    // `1V` is not a name: dotenvy reads no value from the line, so its `${V}${V}` (80,000
    // bytes) is never expanded.
    let text = format!(
        "V={}\n1V=${{V}}${{V}}\nPUSHER_CLUSTER=eu\n",
        "x".repeat(40_000)
    );
    let file = read("not-a-name", &text);
    let errors: Vec<_> = file.errors.iter().map(|e| (e.kind, e.line)).collect();
    assert_eq!(errors, [(EnvFileErrorKind::Unparsable, Some(2))]);
    assert_eq!(
        file.vars.get("PUSHER_CLUSTER").map(|v| v.value.as_str()),
        Some("eu")
    );
}

#[test]
fn a_value_of_64_kib_is_read_and_one_byte_more_is_not() {
    let file = read(
        "value-64k",
        &format!("PUSHER_HOST={}\n", "h".repeat(64 * 1024)),
    );
    assert!(file.errors.is_empty(), "{:?}", file.errors);
    assert_eq!(
        file.vars.get("PUSHER_HOST").map(|v| v.value.len()),
        Some(64 * 1024)
    );
    let file = read(
        "value-64k-and-1",
        &format!("PUSHER_HOST={}\n", "h".repeat(64 * 1024 + 1)),
    );
    assert_eq!(
        messages(&file),
        [
            "`.env` line 1: `PUSHER_HOST` would expand to 65537 bytes, more than the 65536 a \
          value may have; nothing from this line on is read"
        ]
    );
}

#[test]
fn a_reference_to_the_process_environment_counts_the_environments_value() {
    // dotenvy expands a name set in the process environment to that value, even when the
    // file defines it too.
    let name = "PC_MUTANT_TEST_ENV_FILE_LENGTH";
    std::env::set_var(name, "e".repeat(40_000));
    let file = read(
        "env-length",
        &format!("{name}=short\nPUSHER_HOST=${{{name}}}${{{name}}}\n"),
    );
    std::env::remove_var(name);
    let errors: Vec<_> = file.errors.iter().map(|e| (e.kind, e.line)).collect();
    assert_eq!(errors, [(EnvFileErrorKind::TooLarge, Some(2))]);
    assert!(messages(&file)[0].contains("`PUSHER_HOST` would expand to 80000 bytes"));
}

#[test]
fn a_missing_file_is_an_error_that_says_so() {
    let temp = TempEnv::new("missing");
    let file = read_env_file(&temp.dir.join("missing.env"), "missing.env", |_| true);
    assert!(!file.read);
    assert_eq!(messages(&file), ["cannot read `missing.env`: no such file"]);
}
