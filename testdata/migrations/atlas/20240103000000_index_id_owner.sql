-- atlas:txmode none

CREATE INDEX CONCURRENTLY carts_id_owner_idx ON carts (id, owner);
CREATE INDEX CONCURRENTLY carts_owner_id_idx ON carts (owner, id);
