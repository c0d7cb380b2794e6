//! `ttc examples` and `ttc example ID`: the published examples.

use super::*;

#[test]
fn the_published_examples_are_listed_and_each_gives_a_scenario_file() {
    let list = ttc(&["examples"]);
    assert_eq!(list.code, 0, "{}", list.err);
    for id in ["platform-fed-batch", "enriched-n1", "perfusion-n1"] {
        assert!(list.out.contains(&format!("{id}  ")), "{id} missing: {}", list.out);
    }
    assert!(list.out.contains("https://doi.org/10.1186/s40643-020-00304-y"), "Xu et al. 2020 cited");
    // The perfusion N-1 example, estimated: Stepper et al. 2020's perfused N-1 (up to 45 x 10^6
    // cells/mL), here seeded at 2.5 and 2.5 x 2^4 = 40 on day 4; CSPR 1.6 VVD / 40 x 10^6
    // cells/mL = 40 pL/cell/day; Xu et al. 2020's Process C harvested on day 12.
    let file = ttc(&["example", "perfusion-n1"]);
    assert_eq!(file.code, 0, "{}", file.err);
    assert_eq!(
        json(&file.out)["scenario"]["name"],
        "Intensified fed-batch, perfusion N-1 (Xu et al. 2020, Process C)"
    );
    let run = ttc_bytes(&["estimate", "-"], file.out.as_bytes());
    assert_eq!((run.code, run.err.as_str()), (0, ""));
    let e = &json(&run.out)["estimate"];
    let n1 = e["seed_train"].as_array().unwrap().last().unwrap().clone();
    assert!((n1["final_density_e6_per_ml"].as_f64().unwrap() - 40.0).abs() < 1e-9, "{n1}");
    assert!((n1["cspr_pl_per_cell_day"].as_f64().unwrap() - 40.0).abs() < 1e-9, "{n1}");
    assert_eq!(e["timeline"]["production_days"], 12);
    // Named in the language asked for.
    let zh = ttc(&["example", "platform-fed-batch", "--lang", "zh"]);
    assert_eq!(json(&zh.out)["scenario"]["name"], "平台补料分批工艺（Xu 等 2020，工艺 A）");
    // An id that is not one: exit 1, and the ids there are.
    let none = ttc(&["example", "vaccine"]);
    assert_eq!((none.code, none.out.as_str()), (1, ""));
    assert_eq!(
        none.err,
        "There is no published example vaccine; the examples are: platform-fed-batch, enriched-n1, perfusion-n1.\n"
    );
    assert_eq!(ttc(&["example"]).code, 2, "ID needed");
}
