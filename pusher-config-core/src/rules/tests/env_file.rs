//! [`ProblemKind::EnvFile`]: a `.env` file that could not be read, and what it hides.

use super::*;

#[test]
fn parse_errors_come_first_and_hide_missing_but_not_other_problems() {
    let vars = Vars::from_pairs([
        ("PUSHER_APP_ID", "2047711"),
        (
            "PUSHER_KEY",
            "pk_live_51Xa93kQb7Tn2LmPq8RwZ4vYc6JdH0sFgE1uNo5tKiMbV3x",
        ),
    ]);
    let errors = [EnvFileError {
        kind: crate::source::EnvFileErrorKind::Unparsable,
        path: ".env".to_owned(),
        line: Some(3),
        reason: "a quote opened on this line is never closed".to_owned(),
    }];
    let problems = check_with_file_errors(&vars, &errors, Mode::Server).expect_err("bad file");
    let kinds: Vec<_> = problems.iter().map(|p| p.kind).collect();
    assert_eq!(
        kinds,
        [ProblemKind::EnvFile, ProblemKind::ForeignCredential]
    );
}
