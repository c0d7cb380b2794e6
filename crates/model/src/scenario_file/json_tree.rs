//! The scenario file's JSON, compared as trees: a file laid over its version's baseline,
//! the place a file that does not read goes wrong, and the fields the reader did not know.

use crate::scenario::Scenario;
use serde::Deserialize;
use serde_json::Value;

/// Lays a file's scenario object over a baseline's: the file's value wherever it has one,
/// objects field by field, except a tagged variant (`kind`) of another kind, which replaces
/// the baseline's whole.
pub(super) fn overlay(base: &mut Value, file: &Value) {
    match (base, file) {
        (Value::Object(base), Value::Object(file))
            if base.get("kind").is_none() || base.get("kind") == file.get("kind") =>
        {
            for (key, value) in file {
                match base.get_mut(key) {
                    Some(b) => overlay(b, value),
                    None => {
                        base.insert(key.clone(), value.clone());
                    }
                }
            }
        }
        (base, file) => *base = file.clone(),
    }
}

/// Where a scenario object that does not read goes wrong (serde_json's error does not say):
/// each field of the file laid alone over the baseline, the first that fails, and the same
/// inside it; a list's items one at a time. Run only for a file that failed, so its cost
/// (a read per field tried) does not matter. Written here rather than with
/// serde_path_to_error, whose wrapped deserializers cost the deferred module about 90 KB of
/// WebAssembly (one copy per type read).
pub(super) fn failing_path(base: &Value, file: &Value) -> String {
    let reads = |v: &Value| Scenario::deserialize(v).is_ok();
    let mut path = "scenario".to_string();
    let mut pointer = String::new();
    loop {
        let Some(here) = file.pointer(&pointer) else { return path };
        let mut found = None;
        match here {
            Value::Object(map) => {
                // A variant's `kind` last: when it fails alone, the variant as a whole is the
                // place (its other fields belong to the kind).
                let keys =
                    map.iter().filter(|(k, _)| *k != "kind").chain(map.iter().filter(|(k, _)| *k == "kind"));
                for (key, value) in keys {
                    let mut candidate = base.clone();
                    let at = format!("{pointer}/{}", key.replace('~', "~0").replace('/', "~1"));
                    match candidate.pointer_mut(&at) {
                        Some(slot) => overlay(slot, value),
                        None => match candidate.pointer_mut(&pointer) {
                            Some(Value::Object(parent)) => {
                                parent.insert(key.clone(), value.clone());
                            }
                            _ => continue,
                        },
                    }
                    if !reads(&candidate) {
                        if key == "kind" {
                            return path;
                        }
                        found = Some((at, format!(".{key}")));
                        break;
                    }
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    let mut candidate = base.clone();
                    if let Some(slot) = candidate.pointer_mut(&pointer) {
                        *slot = Value::Array(vec![item.clone()]);
                    }
                    if !reads(&candidate) {
                        // An item has no defaults to lay its fields over: its index is the place.
                        return format!("{path}[{i}]");
                    }
                }
            }
            _ => {}
        }
        match found {
            Some((at, step)) => {
                pointer = at;
                path.push_str(&step);
            }
            None => return path,
        }
    }
}

/// The paths of the keys in `read` (a file's JSON) that `written` (the scenario read from it,
/// written back) lacks, list items compared one by one: `scenario.production.colour`,
/// `scenario.seed_train[1].colour`.
pub(super) fn unknown_paths(read: &Value, written: &Value, path: &str, out: &mut Vec<String>) {
    match (read, written) {
        (Value::Object(read), Value::Object(written)) => {
            for (key, value) in read {
                let at = format!("{path}.{key}");
                match written.get(key) {
                    Some(w) => unknown_paths(value, w, &at, out),
                    None => out.push(at),
                }
            }
        }
        (Value::Array(read), Value::Array(written)) => {
            for (i, (value, w)) in read.iter().zip(written).enumerate() {
                unknown_paths(value, w, &format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}
