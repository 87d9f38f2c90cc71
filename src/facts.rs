//! Prose facts: numbers stated in the text, linked to template indicators.

use crate::model::Fact;
use crate::segment::Document;

pub fn extract_facts(_doc: &Document) -> Vec<Fact> {
    Vec::new()
}
