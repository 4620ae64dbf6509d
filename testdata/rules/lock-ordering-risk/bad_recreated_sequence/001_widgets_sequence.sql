CREATE SEQUENCE widgets_id_seq;
