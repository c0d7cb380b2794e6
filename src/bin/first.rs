//! The first WebAssembly module of the page (`tech_transfer_calc::first_result`): the first
//! result without Leptos, then the page's module. Trunk starts it; the page's module and the
//! deferred module are built next to it as "workers" (index.html) and loaded after it.

fn main() {
    tech_transfer_calc::first_result::start();
}
