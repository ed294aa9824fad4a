-- After a rotation of the secrets key, the portal signs audit checkpoints again under the new
-- key (docs/adr/0004): it may change a checkpoint's signature, and nothing else of it.
GRANT UPDATE (key_id, signature) ON audit.checkpoints TO ${appRole};
