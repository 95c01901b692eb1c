#pragma once

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace fc::emu {

// What makes a request body invalid JSON that QJsonDocument lets through: a raw control
// character (U+0000–U+001F) inside a string, which RFC 8259 §7 says must be escaped, or one
// outside a string that is not whitespace. Nothing when the body has neither.
std::optional<QString> strictJsonProblem(QByteArrayView body);

} // namespace fc::emu
