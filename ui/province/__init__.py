"""Province mode: the consolidated view, import, enrolment (``ProvinceWindow``)."""
