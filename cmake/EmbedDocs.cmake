# Generates a C++ source that maps each docs/rules/<id>.md page to its text.
# Regenerated whenever a page changes, so the binary never ships stale docs.
function(zdlint_embed_docs docs_dir output)
  file(GLOB pages CONFIGURE_DEPENDS "${docs_dir}/*.md")
  add_custom_command(
    OUTPUT "${output}"
    COMMAND ${CMAKE_COMMAND} -DDOCS_DIR=${docs_dir} -DOUTPUT=${output}
            -P ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/GenerateRuleDocs.cmake
    DEPENDS ${pages} ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/GenerateRuleDocs.cmake
    COMMENT "Embedding rule documentation")
endfunction()
