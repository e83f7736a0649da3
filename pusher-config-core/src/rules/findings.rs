//! The collector of the rules' findings (serde_derive's `Ctxt`): it decides what is reported
//! when several rules find something about the same variable, so that no rule consults
//! another.

use crate::names::{self, classify};

use super::problem::{Problem, Problems};

/// One problem a rule found, and how it relates to the other rules' findings.
struct Finding {
    problem: Problem,
    /// The variables whose own mistake, found by a rule earlier in the table, explains this
    /// problem away: a mismatch between a Stripe key and the right key says nothing more.
    unless_explained: Vec<String>,
    /// The variables this problem explains: later rules' findings about them are dropped.
    explains: Vec<String>,
}

/// Every finding of every rule, in the order of the rule table.
#[derive(Default)]
pub(crate) struct Findings(Vec<Finding>);

impl Findings {
    /// A problem of the value of `problem.var` itself: reported unless an earlier rule
    /// explained that variable, and then it explains it.
    pub(crate) fn own(&mut self, problem: Problem) {
        let var = vec![problem.var.clone()];
        self.push(problem, var.clone(), var);
    }

    /// A problem between `vars` (a mismatch, a missing value): reported unless an earlier rule
    /// explained one of them; it explains none.
    pub(crate) fn between(&mut self, problem: Problem, vars: &[&str]) {
        self.push(problem, owned(vars), Vec::new());
    }

    /// A problem that explains all of `vars` (two settings swapped), whatever else was found
    /// about them.
    pub(crate) fn explains(&mut self, problem: Problem, vars: &[&str]) {
        self.push(problem, Vec::new(), owned(vars));
    }

    fn push(&mut self, problem: Problem, unless_explained: Vec<String>, explains: Vec<String>) {
        self.0.push(Finding {
            problem,
            unless_explained,
            explains,
        });
    }

    /// What is reported: each finding not explained by an earlier one, by setting (server
    /// names before mirrors, then other names alphabetically), in rule order for one
    /// variable.
    pub(crate) fn into_problems(self) -> Problems {
        let mut explained: Vec<String> = Vec::new();
        let mut reported = Vec::new();
        for finding in self.0 {
            if finding
                .unless_explained
                .iter()
                .any(|v| explained.contains(v))
            {
                continue;
            }
            explained.extend(finding.explains);
            reported.push(finding.problem);
        }
        reported.sort_by(|a, b| {
            let unknown = |p: &Problem| classify(&p.var).is_none().then(|| p.var.clone());
            (names::report_rank(&a.var), unknown(a)).cmp(&(names::report_rank(&b.var), unknown(b)))
        });
        Problems(reported)
    }
}

fn owned(vars: &[&str]) -> Vec<String> {
    vars.iter().map(|v| (*v).to_owned()).collect()
}
