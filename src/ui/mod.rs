//! The user interface: a thin reactive shell over the model. Components read the scenario
//! signal and the estimate memo and render; they hold no formulas.

pub mod address;
pub mod field;
pub mod form;
pub mod headline;
pub mod stage;
pub mod state;
