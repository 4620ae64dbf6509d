# Generates a table of the C names of libpg_query's parse tree fields from pg_query.proto, where
# each field of `message M` carries its PostgreSQL struct member name as json_name:
#   SubLinkType sub_link_type = 2 [json_name="subLinkType"];
# protobuf-c's descriptors know only the proto name (sub_link_type), which cannot be turned back
# into the C name (stmt_len stays stmt_len, sub_link_type becomes subLinkType).
# Run as: cmake -DPROTO=<pg_query.proto> -DOUTPUT=<file.inc> -P GenerateFieldNames.cmake
file(STRINGS "${PROTO}" lines)
set(entries "")
set(message "")
foreach(line IN LISTS lines)
  if(line MATCHES "^message ([A-Za-z0-9_]+)")
    set(message "${CMAKE_MATCH_1}")
  elseif(line MATCHES "^  (repeated )?[A-Za-z0-9_.]+ ([a-z0-9_]+) = [0-9]+ \\[json_name=\"([A-Za-z0-9_]+)\"\\];")
    string(APPEND entries "{\"${message}\", \"${CMAKE_MATCH_2}\", \"${CMAKE_MATCH_3}\"},\n")
  endif()
endforeach()
file(WRITE "${OUTPUT}.tmp" "// Generated from ${PROTO} by cmake/GenerateFieldNames.cmake.\n${entries}")
# Rewritten only when it changes, so that a reconfigure does not rebuild what includes it.
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
