//! The page's side of the tools worker (`crate::tools`): starts it after the first result,
//! queues requests until it says it is ready, and hands each reply to its callback.

use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, Worker};

type Callback = Box<dyn FnOnce(Result<String, String>)>;

#[derive(Default)]
struct Client {
    worker: Option<Worker>,
    ready: bool,
    failed: bool,
    next_id: u32,
    queued: Vec<String>,
    pending: HashMap<u32, Callback>,
}

thread_local! {
    static CLIENT: RefCell<Client> = RefCell::new(Client::default());
}

/// The worker's script, from the `<meta name="ttc-tools-worker">` the build writes (its name
/// is content-hashed); `None` where there is none (component tests).
fn worker_url() -> Option<String> {
    let doc = web_sys::window()?.document()?;
    let meta = doc.query_selector("meta[name=ttc-tools-worker]").ok()??;
    meta.get_attribute("content").filter(|c| !c.is_empty())
}

fn fail_all(reason: &str) {
    let callbacks: Vec<Callback> = CLIENT.with_borrow_mut(|c| {
        c.failed = true;
        c.queued.clear();
        c.pending.drain().map(|(_, cb)| cb).collect()
    });
    for cb in callbacks {
        cb(Err(reason.to_string()));
    }
}

fn on_reply(text: String) {
    if text == "ready" {
        let queued = CLIENT.with_borrow_mut(|c| {
            c.ready = true;
            std::mem::take(&mut c.queued)
        });
        let worker = CLIENT.with_borrow(|c| c.worker.clone());
        if let Some(w) = worker {
            for q in queued {
                let _ = w.post_message(&JsValue::from_str(&q));
            }
        }
        return;
    }
    let mut parts = text.splitn(3, '\n');
    let (id, status, body) = (parts.next(), parts.next(), parts.next().unwrap_or(""));
    let Some(id) = id.and_then(|i| i.parse::<u32>().ok()) else { return };
    if let Some(cb) = CLIENT.with_borrow_mut(|c| c.pending.remove(&id)) {
        cb(if status == Some("ok") { Ok(body.to_string()) } else { Err(body.to_string()) });
    }
}

/// Starts the worker if it is not running yet. Called once the first result is on screen, so
/// that the QR code and file tools are ready when the user reaches for them.
pub fn start() {
    if CLIENT.with_borrow(|c| c.worker.is_some() || c.failed) {
        return;
    }
    let Some(worker) = worker_url().and_then(|url| Worker::new(&url).ok()) else {
        fail_all("unavailable");
        return;
    };
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|ev: MessageEvent| {
        on_reply(ev.data().as_string().unwrap_or_default())
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(|ev: web_sys::Event| {
        // Keep the failure out of the console: the page says what is unavailable instead.
        ev.prevent_default();
        fail_all("unavailable");
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    CLIENT.with_borrow_mut(|c| c.worker = Some(worker));
}

/// Sends `op` with `payload`; `done` gets the reply body, or `Err` with the error body
/// (`unavailable` when the worker cannot run).
pub fn call(op: &str, payload: &str, done: impl FnOnce(Result<String, String>) + 'static) {
    start();
    if CLIENT.with_borrow(|c| c.failed) {
        done(Err("unavailable".into()));
        return;
    }
    let (message, worker) = CLIENT.with_borrow_mut(|c| {
        c.next_id = c.next_id.wrapping_add(1);
        let id = c.next_id;
        c.pending.insert(id, Box::new(done));
        let message = format!("{id}\n{op}\n{payload}");
        if c.ready {
            (Some(message), c.worker.clone())
        } else {
            c.queued.push(message);
            (None, None)
        }
    });
    if let (Some(m), Some(w)) = (message, worker) {
        let _ = w.post_message(&JsValue::from_str(&m));
    }
}
