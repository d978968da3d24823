package org.serviceflow.calendar;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;

/** Query of {@code GET /api/calendar/workdays}; {@code from} is parsed by {@link StartEditor}. */
record WorkdaysQuery(@NotNull OffsetDateTime from, @NotNull @Min(0) @Max(365) Integer days) {}
