//! [`ProblemKind::PasteResidue`]: whitespace, quotes, invisible or control characters left
//! around a value.

use super::*;

#[test]
fn whitespace_and_quotes_left_in_a_value_are_paste_residue() {
    let cases = [
        (format!(" {KEY}"), "whitespace"),
        (format!("{KEY} "), "whitespace"),
        (format!("{KEY}\t"), "whitespace"),
        (format!("\u{200b}{KEY}"), "invisible"),
        (format!("\"{KEY}\""), "quotes"),
        (format!("'{KEY}'"), "quotes"),
        (format!("{KEY}\""), "quotes"),
    ];
    for (value, why) in &cases {
        for name in ["PUSHER_KEY", "PUSHER_SECRET"] {
            let problems = server_fail(hosted().set(name, value));
            let problem = only(&problems, ProblemKind::PasteResidue, name);
            assert!(problem.message.contains(why), "{value:?}: {problem}");
            assert_no_leak(&problems, KEY);
        }
    }
    let problems = server_fail(hosted().set("PUSHER_CLUSTER", "eu "));
    only(&problems, ProblemKind::PasteResidue, "PUSHER_CLUSTER");
}

#[test]
fn a_control_character_in_a_value_is_paste_residue_naming_the_variable() {
    let pairs = hosted()
        .set("PUSHER_HOST", "soketi\0x")
        .set("PUSHER_CLUSTER", "");
    let problems = server_fail(pairs);
    let problem = only(&problems, ProblemKind::PasteResidue, "PUSHER_HOST");
    assert!(
        problem
            .message
            .contains("a control character (U+0000) in its value"),
        "{problems}"
    );
    // Another service's token is named even with residue around it.
    let pairs = hosted().set("PUSHER_KEY", "ghp_7Rk2mQ9xL4vB7nR1tY6wE3sA0dZ5cH2jU8pO\\\0");
    let problems = server_fail(pairs);
    only(&problems, ProblemKind::ForeignCredential, "PUSHER_KEY");
}
