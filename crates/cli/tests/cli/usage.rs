//! Usage, help and messages in both languages, and inputs that must never crash it.

use super::*;
use ttc_model::link::LinkError;
use ttc_text::messages::link_error_text;
use ttc_text::Locale;

#[test]
fn usage_errors_exit_2_with_the_usage() {
    for args in
        [&["frobnicate", "x.json"][..], &[], &["estimate"], &["estimate", "a", "b"], &["link", "x", "--csv"]]
    {
        let run = ttc(args);
        assert_eq!(run.code, 2, "{args:?}");
        assert!(run.err.starts_with("ttc: "), "{}", run.err);
        assert!(run.err.contains("Usage:\n  ttc estimate FILE"), "{}", run.err);
        assert_eq!(run.out, "");
    }
    assert!(ttc(&["frobnicate"]).err.starts_with("ttc: unknown command \"frobnicate\"\n"));
    for args in [&["help"][..], &["--help"], &["estimate", "-h"]] {
        let run = ttc(args);
        assert_eq!(run.code, 0);
        assert!(run.out.contains("Usage:"), "{}", run.out);
    }
}

#[test]
fn lang_zh_gives_the_chinese_messages() {
    let run = ttc(&["open", "v1&p=suzhou-2026-11&c=4f21c4b8", "--lang", "zh"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.err,
        format!("无法打开该链接：{}。\n", link_error_text(Locale::zh, &LinkError::ChecksumMismatch))
    );
    assert!(run.err.contains("校验码不符"), "{}", run.err);
    let run = ttc_bytes(&["estimate", "--lang=zh", "-"], default_with_titer(-1.0).as_bytes());
    assert_eq!(run.code, 1);
    assert!(
        run.err.contains("scenario.production.titer_g_per_l: -1 超出允许范围 0.01 至 100。"),
        "{}",
        run.err
    );
}

#[test]
fn usage_and_its_mistakes_follow_the_language() {
    let run = ttc(&["frobnicate", "--lang", "zh"]);
    assert_eq!(run.code, 2);
    assert!(run.err.starts_with("ttc: 未知命令“frobnicate”"), "{}", run.err);
    assert!(run.err.contains("用法："), "{}", run.err);
    let help = ttc(&["help", "--lang=zh"]);
    assert_eq!(help.code, 0);
    assert!(help.out.contains("ttc estimate FILE [--csv] [--lang en|zh]") && help.out.contains("退出状态"));
}

#[test]
fn no_input_makes_it_panic() {
    let deep = "[".repeat(100_000);
    let inputs: Vec<Vec<u8>> = vec![
        b"".to_vec(),
        b"null".to_vec(),
        b"\"text\"".to_vec(),
        deep.into_bytes(),
        vec![0xff, 0xfe, b'{'],
        b"{\"format\":\"tech-transfer-scenario\",\"version\":1e999}".to_vec(),
        b"{\"format\":\"tech-transfer-scenario\",\"version\":18446744073709551616}".to_vec(),
        b"{\"format\":\"tech-transfer-scenario\",\"version\":1,\"scenario\":{\"seed_train\":[]}}".to_vec(),
        b"{\"format\":\"tech-transfer-scenario\",\"version\":1,\"scenario\":{\"production\":{\"titer_g_per_l\":1e308,\"initial_volume_l\":0}}}".to_vec(),
        b"{\"format\":\"tech-transfer-scenario\",\"version\":1,\"scenario\":{\"program\":{\"target\":{\"kind\":\"batches\",\"count\":4294967295}}}}".to_vec(),
        b"{\"format\":\"tech-transfer-scenario\",\"version\":1,\"facility_profile\":\"\\u0000 x\",\"scenario\":{}}".to_vec(),
    ];
    for input in &inputs {
        for command in ["estimate", "link"] {
            // Exit 0 or 1, never a crash (ttc_bytes checks for a panic message).
            let run = ttc_bytes(&[command, "-"], input);
            assert!(
                run.code == 0 || run.code == 1,
                "{command} {:?}: {}",
                String::from_utf8_lossy(input),
                run.code
            );
            if run.code == 1 {
                assert!(!run.err.is_empty());
            }
        }
        let run = ttc_bytes(&["estimate", "--csv", "-"], input);
        assert!(run.code == 0 || run.code == 1);
    }
    for link in
        ["", "#", "v1", "v1&c=", "v99999999999999999999&c=0", "v1&p=&c=00000000", &"v1&".repeat(10_000)]
    {
        let run = ttc(&["open", link]);
        assert_eq!(run.code, 1, "{link}");
        assert!(!run.err.is_empty());
    }
}
