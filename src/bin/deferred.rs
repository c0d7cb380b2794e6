//! The deferred WebAssembly module (`tech_transfer_calc::deferred`: detailed results, share
//! panel): built by Trunk next to the page (`data-type="worker"` in index.html only stops Trunk
//! from loading it at start-up), loaded by the page after its first result.

fn main() {
    console_error_panic_hook::set_once();
    // Instantiating the module and starting it are two tasks, as in the page (src/main.rs):
    // each is shorter on a slow phone than the two together.
    leptos::prelude::set_timeout(tech_transfer_calc::deferred::start, std::time::Duration::ZERO);
}
