//! The deferred WebAssembly module (`tech_transfer_calc::deferred`: detailed results, share
//! panel): built by Trunk next to the page (`data-type="worker"` in index.html only stops Trunk
//! from loading it at start-up), loaded by the page after its first result.

fn main() {
    console_error_panic_hook::set_once();
    tech_transfer_calc::deferred::start();
}
