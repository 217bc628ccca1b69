//! The eight steps of the guided form, in the order a workshop fills a sheet.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Identification,
    Findings,
    Objectives,
    Actions,
    Actors,
    Means,
    Evaluation,
    Review,
}

impl Step {
    pub const ALL: [Step; 8] = [
        Self::Identification,
        Self::Findings,
        Self::Objectives,
        Self::Actions,
        Self::Actors,
        Self::Means,
        Self::Evaluation,
        Self::Review,
    ];

    pub fn number(self) -> usize {
        Self::ALL.iter().position(|s| *s == self).unwrap_or(0) + 1
    }

    pub fn from_number(n: usize) -> Self {
        Self::ALL.get(n.saturating_sub(1)).copied().unwrap_or(Self::Identification)
    }

    pub fn title(self) -> &'static str {
        match self {
            Self::Identification => "Identification",
            Self::Findings => "Constat",
            Self::Objectives => "Objectifs",
            Self::Actions => "Actions",
            Self::Actors => "Acteurs",
            Self::Means => "Moyens",
            Self::Evaluation => "Évaluation",
            Self::Review => "Relecture",
        }
    }
}
