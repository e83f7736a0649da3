use std::collections::HashMap;

use super::*;

#[test]
fn segments_are_the_items_dotenvy_yields() {
    let texts = [
        "A=1\nB='two\nlines'\n# C='x\n\n  \nD=\"q\" # c\nE=5",
        "A=1 # it's\nB='unclosed\nC=3\n",
        "export A=1\r\nB=\"x\\\"y\"\r\n#\r\nC = 3 \n",
        "A=1\\\nB=2\nC='a\\'b'\nD=\n",
        "# 'quote in a comment\nA=\"unclosed\nB=2\n",
        "A=1 \tB",
        "=1\nA B=2\n1A=3\nexport\n",
    ];
    for text in texts {
        let items = dotenvy::from_read_iter(text.as_bytes()).count();
        assert_eq!(segments(text).len(), items, "{text:?}");
    }
}

#[test]
fn values_read_the_names_dotenvy_substitutes() {
    let names = |value: &str| scan_value(value).names;
    assert_eq!(names("${PUSHER_APP_KEY}"), ["PUSHER_APP_KEY"]);
    // Unbraced names end at the first character that is not alphanumeric, as in dotenvy.
    assert_eq!(names("$MY_HOST"), ["MY"]);
    assert_eq!(names("\"$HOME/x\""), ["HOME"]);
    assert_eq!(names("$A$B"), ["A", "B"]);
    // Nothing is expanded inside single quotes, after a backslash, or after a comment.
    assert!(names("'pa$$word$SECRET'").is_empty());
    assert!(names("\\$NOT").is_empty());
    assert!(names("\"\\$NOT\"").is_empty());
    assert!(names("x #${COMMENTED}").is_empty());
    assert!(names("$").is_empty() && names("${}").is_empty());
}

#[test]
fn scanned_lengths_match_dotenvy_expansions() {
    let text = "A=abc\nB=\"${A}-${A}\"\nC='lit$A'\nD=x\\ y$A\nE=${B}${B}${B}\nF=$A-$A\n\
                G=\"5$/month\"\n";
    let mut lengths: HashMap<String, usize> = HashMap::new();
    for (segment, item) in segments(text)
        .iter()
        .zip(dotenvy::from_read_iter(text.as_bytes()))
    {
        let (name, value) = item.expect("parses");
        let (_, raw) = definition(segment.text).expect("a definition");
        let expansion = scan_value(raw);
        let length = expansion.literal_bytes
            + expansion
                .names
                .iter()
                .map(|n| lengths.get(n).copied().unwrap_or(0))
                .sum::<usize>();
        assert_eq!(length, value.len(), "{name}");
        lengths.insert(name, length);
    }
}
