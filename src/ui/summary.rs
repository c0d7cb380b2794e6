//! Key assumptions for the printed one-page summary: which inputs are the client's and which
//! are defaults.

use crate::model::Scenario;
use serde_json::Value;

/// Paths of every input that differs from the default scenario, in the scenario-format
/// notation (`production.titer_g_per_l`, `seed_train[2].working_volume_l`).
pub fn changed_inputs(scenario: &Scenario, defaults: &Scenario) -> Vec<String> {
    let (Ok(a), Ok(b)) = (serde_json::to_value(scenario), serde_json::to_value(defaults)) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    diff("", &a, &b, &mut out);
    out
}

fn diff(path: &str, a: &Value, b: &Value, out: &mut Vec<String>) {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, va) in x {
                let p = if path.is_empty() { k.clone() } else { format!("{path}.{k}") };
                match y.get(k) {
                    Some(vb) => diff(&p, va, vb, out),
                    None => out.push(p),
                }
            }
            for k in y.keys().filter(|k| !x.contains_key(*k)) {
                out.push(if path.is_empty() { k.clone() } else { format!("{path}.{k}") });
            }
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            for (i, (va, vb)) in x.iter().zip(y).enumerate() {
                diff(&format!("{path}[{i}]"), va, vb, out);
            }
        }
        _ if a != b => out.push(path.to_string()),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_exactly_the_changed_inputs() {
        let d = Scenario::default();
        assert!(changed_inputs(&d, &d).is_empty());
        let mut s = d.clone();
        s.production.titer_g_per_l = 5.0;
        s.seed_train[2].working_volume_l = 3.0;
        let mut changed = changed_inputs(&s, &d);
        changed.sort();
        assert_eq!(changed, vec!["production.titer_g_per_l", "seed_train[2].working_volume_l"]);
        s.seed_train.pop();
        assert!(changed_inputs(&s, &d).contains(&"seed_train".to_string()));
    }
}
