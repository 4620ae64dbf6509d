-- zdlint-contract: 000_initial (a directive covers only its own file)
CREATE TABLE reports (id bigint PRIMARY KEY, body text);
