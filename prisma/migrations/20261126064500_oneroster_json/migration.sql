-- encodeURIComponent for PostgreSQL: the OneRoster Data API builds its JSON (and the hrefs of
-- GUIDRefs) in the database. Unreserved characters stay, every other byte of the UTF-8 text
-- becomes %XX. The regular expression spares the common case (UUIDs, plain ids) any work.
CREATE FUNCTION oneroster_path_segment(segment text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE WHEN segment ~ '^[A-Za-z0-9_.!~*''()-]*$' THEN segment ELSE (
    SELECT coalesce(string_agg(
      CASE WHEN byte BETWEEN 48 AND 57 OR byte BETWEEN 65 AND 90 OR byte BETWEEN 97 AND 122
             OR byte IN (33, 39, 40, 41, 42, 45, 46, 95, 126)
           THEN chr(byte) ELSE '%' || upper(lpad(to_hex(byte), 2, '0')) END, '' ORDER BY position), '')
    FROM (SELECT position, get_byte(convert_to(segment, 'UTF8'), position) AS byte
          FROM generate_series(0, octet_length(convert_to(segment, 'UTF8')) - 1) AS position) AS bytes)
  END
$$;
