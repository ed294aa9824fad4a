-- What a customer may still change on an order the contracting company has not started
-- (TMF641's ServiceOrder_Update, as far as a requester's side of it goes): its own reference,
-- whom to tell, the dates it asks for, and notes added to it. All optional.
ALTER TABLE orders.service_orders
	ADD COLUMN external_id               text,
	ADD COLUMN notification_contact      text,
	ADD COLUMN requested_start_date      timestamptz,
	ADD COLUMN requested_completion_date timestamptz,
	ADD COLUMN notes                     jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(notes) = 'array');
