#pragma once

#include <QLocale>

namespace fc {

// Installs the translations for a locale into the application: FlowConsole's own (German, or
// English for the plural forms of counted strings when the language has no file) from the
// resources, and Qt's (standard buttons, file and colour dialogs) from the system's Qt
// translations when they are installed. Call again to switch; the previous ones are removed.
// Returns the language FlowConsole's strings are shown in ("de", "en").
QString installTranslations(const QLocale &locale = QLocale());

} // namespace fc
