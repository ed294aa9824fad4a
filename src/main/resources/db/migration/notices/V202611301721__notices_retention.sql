-- Retention (R-13.1): notices past their period, and those addressed to a customer whose data
-- is erased after its termination, are deleted by the portal's daily job.
GRANT DELETE ON notices.notices TO ${appRole};
