package hv.family;

/** A caregivers row: the person, as currently recorded. */
public record Caregiver(String caregiverId, String sex, String caregiverRole, String race, Boolean hispanic,
                        String hispanicOrigin, String primaryLanguage) {}
