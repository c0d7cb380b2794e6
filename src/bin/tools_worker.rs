//! The tools web worker: scenario files (JSON) and QR codes, off the page's first load and
//! off its main thread. Trunk builds it (`data-type="worker"` in index.html); the page starts
//! it after the first result (`ui::tools_client`). The work itself is `tech_transfer_calc::tools`.

use tech_transfer_calc::tools;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn main() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
        let request = ev.data().as_string().unwrap_or_default();
        let _ = reply_to.post_message(&JsValue::from_str(&tools::handle(&request)));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    // Messages sent before this point would have found no handler: the page waits for this.
    let _ = scope.post_message(&JsValue::from_str("ready"));
}
