//! Browser entry point: mounts the app. All logic lives in the library crate.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(tech_transfer_calc::app::App);
}
