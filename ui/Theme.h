#pragma once

#include <QPalette>

namespace fc::theme {

// View → Theme: the system's colours, or Fusion light or dark, whatever the desktop says.
// Applied at once (every widget, the JSON highlighter and the status colours follow the
// application palette) and remembered.
enum class Mode { System, Light, Dark };

Mode saved();
void save(Mode mode);
// Sets the application palette; the first call remembers the system's palette for Mode::System.
void apply(Mode mode);
Mode current();

QPalette lightPalette();
QPalette darkPalette();

} // namespace fc::theme
