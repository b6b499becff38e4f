# The Python module (python/, docs/PYTHON.md): ROOST_PYTHON is on by default
# when pybind11 and NumPy are found. Included before any library target,
# because the module links Roost's static libraries into a shared object:
# with the option on, every library is compiled position-independent.
#
# The Debian packages (pybind11-dev, python3-numpy) belong to the system
# interpreter, so that one is preferred to whatever `python3` comes first on
# PATH (a pyenv or virtualenv one would lack NumPy). -DPython3_EXECUTABLE=...
# picks another.
if(NOT DEFINED Python3_EXECUTABLE AND EXISTS /usr/bin/python3)
  set(Python3_EXECUTABLE /usr/bin/python3)
endif()
find_package(Python3 3.9 QUIET COMPONENTS Interpreter Development.Module NumPy)
if(Python3_FOUND)
  find_package(pybind11 CONFIG QUIET)
endif()
# Not in sanitizer or fuzz builds: their runtime must come first in the
# process, which a module loaded by an uninstrumented python3 cannot do.
set(_roost_python_default OFF)
if(Python3_FOUND AND pybind11_FOUND AND NOT ROOST_SANITIZE AND NOT ROOST_FUZZ)
  set(_roost_python_default ON)
endif()
option(ROOST_PYTHON "Build the Python module roost (needs pybind11 and NumPy)" ${_roost_python_default})
if(ROOST_PYTHON)
  if(NOT Python3_FOUND OR NOT pybind11_FOUND)
    message(FATAL_ERROR "ROOST_PYTHON needs Python 3 with NumPy and pybind11 (scripts/setup installs "
                        "python3-dev, python3-numpy and pybind11-dev)")
  endif()
  set(CMAKE_POSITION_INDEPENDENT_CODE ON)
  # -fPIC alone would let every global function be interposed at run time,
  # which stops GCC inlining them inside their own file: keep -fPIE's code.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    add_compile_options(-fno-semantic-interposition)
  endif()
endif()
