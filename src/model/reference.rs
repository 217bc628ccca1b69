//! Reference lists a sheet is tagged with: the four legal fields of a CLS (loi HPST), the
//! determinants of health, and the other plans a sheet links to.

use super::closed_list::closed_list;

closed_list! {
    /// The four fields a CLS acts on (art. L1434-10 CSP).
    HealthField {
        HealthPromotion => ("health_promotion", "Promotion de la santé"),
        Prevention => ("prevention", "Prévention"),
        Care => ("care", "Soins"),
        MedicoSocialSupport => ("medico_social_support", "Accompagnement médico-social"),
    }
}

closed_list! {
    /// Determinants of health a sheet acts upon.
    Determinant {
        Behaviours => ("behaviours", "Comportements et modes de vie"),
        SocialNetworks => ("social_networks", "Liens sociaux et communautaires"),
        LivingConditions => ("living_conditions", "Conditions de vie et de travail"),
        Environment => ("environment", "Environnement physique"),
        HealthSystem => ("health_system", "Accès au système de santé"),
        SocioEconomic => ("socio_economic", "Contexte socio-économique"),
    }
}

closed_list! {
    /// Other public plans a sheet contributes to.
    PlanLink {
        Prs => ("prs", "PRS / SRS (projet régional de santé)"),
        Praps => ("praps", "PRAPS (accès à la prévention et aux soins des plus démunis)"),
        Ptsm => ("ptsm", "PTSM / CLSM (santé mentale)"),
        Pat => ("pat", "PAT (projet alimentaire territorial)"),
        CityContract => ("city_contract", "Contrat de ville"),
        Other => ("other", "Autre plan"),
    }
}
