//! No value from a file or the environment is ever printed whole: messages are the rules'
//! (masked), snippets show a value's length only. Secrets are planted in every place a rule
//! reports, and no run, in any format, prints six characters in a row of any of them.

use crate::support::Project;

/// Made-up secrets, each unlike anything else in the output.
const SECRET: &str = "e41f9b7c02d8a6351fbc";
const STRIPE_BODY: &str = "51Qz8WvT3nYp6LkR2dXs9JhC4mFb7GtA0eUi5oNq1rKw";
const TOKEN: &str = "ghp_7Hk2Lm9Qw4Rt6Yu1Io3Pa5Sd8Fg0Jz2Xc4Vb";

/// Every window of six characters of `value`, past a known prefix of `skip` characters.
fn windows(value: &str, skip: usize) -> Vec<&str> {
    (skip..=value.len().saturating_sub(6))
        .map(|start| &value[start..start + 6])
        .collect()
}

fn assert_absent(text: &str, context: &str) {
    let stripe = format!("sk_live_{STRIPE_BODY}");
    for (value, skip) in [(SECRET, 0), (stripe.as_str(), 8), (TOKEN, 4)] {
        for window in windows(value, skip) {
            assert!(
                !text.contains(window),
                "`{window}` of a planted secret in {context}:\n{text}"
            );
        }
    }
}

#[test]
fn no_run_prints_a_planted_secret() {
    let project = Project::new("secrets");
    project.write(
        ".env",
        &format!(
            "PUSHER_APP_ID=2047711\n\
             PUSHER_KEY={SECRET}\n\
             PUSHER_SECRET={SECRET}\n\
             PUSHER_CLUSTER={SECRET}\n\
             PUSHER_HOST={TOKEN}.example.org\n\
             PUSHER_PORT={TOKEN}\n\
             NEXT_PUBLIC_PUSHER_SECRET={SECRET}\n\
             NEXT_PUBLIC_PUSHER_KEY=\"{SECRET} \"\n\
             VITE_PUSHER_APP_KEY=${{PUSHER_SECRET}}\n\
             PUSHER_APP_SECRET=sk_live_{STRIPE_BODY}\n\
             PUSHER_SECRET={TOKEN}\n\
             PUSHER_KEY {SECRET}\n"
        ),
    );
    project.write(
        "stripe.env",
        &format!(
            "PUSHER_APP_ID={SECRET}\nPUSHER_KEY=sk_live_{STRIPE_BODY}\n\
             PUSHER_SECRET='{TOKEN}\nPUSHER_CLUSTER=eu\n"
        ),
    );
    let env = [("REVERB_APP_SECRET", TOKEN), ("PUSHER_APPSECRET", SECRET)];
    let mut runs = 0;
    for files in [&[][..], &["stripe.env"][..]] {
        for format in ["human", "json", "github", "sarif"] {
            for client in [false, true] {
                let mut args = files.to_vec();
                args.extend(["--format", format]);
                if client {
                    args.push("--client");
                }
                let run = project.check_with(&args, &env);
                assert_eq!(run.code, 1, "{args:?}: {run:?}");
                let context = format!("{args:?}");
                assert_absent(&run.stdout, &context);
                assert_absent(&run.stderr, &context);
                runs += 1;
            }
        }
    }
    assert_eq!(runs, 16);
}
