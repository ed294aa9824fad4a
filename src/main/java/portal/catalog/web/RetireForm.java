package portal.catalog.web;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import org.springframework.format.annotation.DateTimeFormat;

/** The console's retire form: the first day it is no longer offered, and whether the person confirmed. */
record RetireForm(@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveDate, boolean confirmed) {
}
