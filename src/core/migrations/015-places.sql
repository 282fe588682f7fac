-- Where a government is, for the map: its latitude and longitude in
-- degrees (WGS 84), both or neither. Neither: the map places its hubs at
-- the middle of its country.
ALTER TABLE government ADD COLUMN latitude REAL CHECK (latitude BETWEEN -90 AND 90);
ALTER TABLE government ADD COLUMN longitude REAL CHECK (longitude BETWEEN -180 AND 180);
