//! A stable insertion sort for the model's short lists (a profile's vessels, a plan step's
//! predecessors: a dozen items at most).
//!
//! Written here instead of calling `slice::sort_by`: each use of the standard library's stable
//! sort (driftsort) puts about 3.5 KB of its own code into the WebAssembly of both modules, and
//! the page's first load has a budget (ARCHITECTURE.md, "Two WebAssembly modules"). For lists
//! this short an insertion sort is as fast.

/// Sorts `items` so that no item comes after one it `goes_after`; items that do not go after
/// each other keep their order (stable). Quadratic: for short lists only.
pub(crate) fn sort_small_by<T>(items: &mut [T], goes_after: impl Fn(&T, &T) -> bool) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && goes_after(&items[j - 1], &items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_and_keeps_equal_items_in_order() {
        let mut v = [(3, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (3, 'e'), (0, 'f')];
        sort_small_by(&mut v, |a, b| a.0 > b.0);
        assert_eq!(v, [(0, 'f'), (1, 'b'), (1, 'd'), (2, 'c'), (3, 'a'), (3, 'e')]);
        let mut empty: [u8; 0] = [];
        sort_small_by(&mut empty, |a, b| a > b);
        let mut one = [7];
        sort_small_by(&mut one, |a, b| a > b);
        assert_eq!(one, [7]);
    }
}
