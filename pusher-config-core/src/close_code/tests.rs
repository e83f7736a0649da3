//! Unit tests of the close codes and their table.

use super::*;

#[test]
fn every_pusher_code_round_trips_and_nothing_else_parses() {
    for code in 0..=u16::MAX {
        match CloseCode::from_u16(code) {
            Some(parsed) => {
                assert!((4000..=4399).contains(&code), "{code}");
                assert_eq!(parsed.as_u16(), code);
                assert_eq!(u16::from(parsed), code);
            }
            None => assert!(!(4000..=4399).contains(&code), "{code}"),
        }
    }
}

#[test]
fn retry_follows_the_protocol_ranges() {
    for code in 4000..=4099 {
        assert_eq!(Retry::after_close(code), Retry::Never, "{code}");
    }
    for code in 4100..=4199 {
        assert_eq!(Retry::after_close(code), Retry::AfterBackoff, "{code}");
    }
    for code in 4200..=4299 {
        assert_eq!(Retry::after_close(code), Retry::Immediately, "{code}");
    }
    for code in [4300, 4301, 4302, 4399, 1000, 1006, 1011, 3000, 4400, 4999] {
        assert_eq!(Retry::after_close(code), Retry::AfterBackoff, "{code}");
    }
}

#[test]
fn documented_codes_have_their_own_variant() {
    let named = [
        (4000, CloseCode::TlsOnly),
        (4001, CloseCode::AppDoesNotExist),
        (4003, CloseCode::AppDisabled),
        (4004, CloseCode::OverConnectionQuota),
        (4005, CloseCode::PathNotFound),
        (4006, CloseCode::InvalidVersion),
        (4007, CloseCode::UnsupportedProtocol),
        (4008, CloseCode::NoProtocol),
        (4009, CloseCode::Unauthorized),
        (4100, CloseCode::OverCapacity),
        (4200, CloseCode::ReconnectImmediately),
        (4201, CloseCode::PongNotReceived),
        (4202, CloseCode::ClosedForInactivity),
        (4301, CloseCode::ClientEventRateLimit),
        (4302, CloseCode::WatchlistLimit),
    ];
    for (code, variant) in named {
        assert_eq!(CloseCode::from_u16(code), Some(variant));
    }
    assert_eq!(
        CloseCode::from_u16(4002),
        Some(CloseCode::OtherNoRetry(4002))
    );
    assert_eq!(
        CloseCode::from_u16(4203),
        Some(CloseCode::OtherImmediately(4203))
    );
    assert_eq!(CloseCode::from_u16(4300), Some(CloseCode::OtherError(4300)));
}

#[test]
fn app_does_not_exist_explains_invalid_frame_header() {
    let text = CloseCode::AppDoesNotExist.what_to_do();
    for needle in ["Invalid frame header", "125 bytes", "RFC 6455", "cluster"] {
        assert!(text.contains(needle), "{needle}: {text}");
    }
}

#[test]
fn display_is_code_and_meaning() {
    assert_eq!(
        CloseCode::TlsOnly.to_string(),
        "4000 the app accepts TLS connections only"
    );
    assert_eq!(CloseCode::OtherError(4399).to_string(), "4399 error");
    assert_eq!(Retry::Never.to_string(), "do not reconnect unchanged");
    assert!(!CloseCode::AppDisabled.should_reconnect());
    assert!(CloseCode::OverCapacity.should_reconnect());
}

#[test]
fn every_variant_has_exactly_one_row_and_codes_are_unique() {
    use std::collections::HashSet;
    use std::mem::discriminant;

    // Each row's variant is mapped back to that row, so rows have distinct variants…
    for row in &ROWS {
        assert!(std::ptr::eq(row.variant.row(), row), "{:?}", row.variant);
    }
    // …and every variant (each is the parse of some code) is mapped to a row of its own
    // variant: one row per variant, no more, no fewer.
    let mut variants = HashSet::new();
    for code in 4000..=4399 {
        let parsed = CloseCode::from_u16(code).expect("a Pusher code");
        assert_eq!(discriminant(&parsed.row().variant), discriminant(&parsed));
        variants.insert(discriminant(&parsed));
    }
    assert_eq!(variants.len(), ROWS.len());

    // A named row holds one code, an `Other…` row a hundred; every code of 4000–4399 is in
    // exactly one `Other…` row and at most one named row, and no other code is in any.
    for row in &ROWS {
        let (first, last) = (*row.codes.start(), *row.codes.end());
        let other = row.variant.as_u16() == 0;
        let expected_last = if other { first + 99 } else { first };
        assert_eq!(last, expected_last, "{:?}", row.variant);
    }
    for code in 0..=u16::MAX {
        let rows = ROWS.iter().filter(|row| row.codes.contains(&code));
        let (others, named): (Vec<&Row>, Vec<&Row>) =
            rows.partition(|row| row.variant.as_u16() == 0);
        if (4000..=4399).contains(&code) {
            assert_eq!(others.len(), 1, "{code}");
            assert!(named.len() <= 1, "{code}");
        } else {
            assert!(others.is_empty() && named.is_empty(), "{code}");
        }
    }
}

#[test]
fn each_row_gives_its_variants_attributes() {
    let code = CloseCode::OtherBackoff(4150);
    assert_eq!(code.meaning(), "error; reconnect after backing off");
    assert_eq!(code.what_to_do(), CloseCode::OverCapacity.what_to_do());
    assert_eq!(CloseCode::PathNotFound.as_u16(), 4005);
    assert_eq!(
        CloseCode::NoProtocol.what_to_do(),
        "send `protocol=7` and a `version` in the connection URL's query"
    );
}
