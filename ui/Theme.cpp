#include "Theme.h"

#include <QApplication>
#include <QSettings>

using namespace Qt::Literals::StringLiterals;

namespace fc::theme {

namespace {
QPalette &systemPalette()
{
    static QPalette palette = QApplication::palette();
    return palette;
}
Mode &currentMode()
{
    static Mode mode = Mode::System;
    return mode;
}
} // namespace

Mode saved()
{
    const QString name = QSettings().value("appearance/theme"_L1).toString();
    return name == "dark"_L1 ? Mode::Dark : name == "light"_L1 ? Mode::Light : Mode::System;
}

void save(Mode mode)
{
    QSettings().setValue("appearance/theme"_L1, mode == Mode::Dark    ? u"dark"_s
                                                : mode == Mode::Light ? u"light"_s
                                                                      : u"system"_s);
}

Mode current()
{
    return currentMode();
}

void apply(Mode mode)
{
    systemPalette(); // taken before the first change
    currentMode() = mode;
    switch (mode) {
    case Mode::System:
        QApplication::setPalette(systemPalette());
        break;
    case Mode::Light:
        QApplication::setPalette(lightPalette());
        break;
    case Mode::Dark:
        QApplication::setPalette(darkPalette());
        break;
    }
}

QPalette lightPalette()
{
    QPalette p(QColor(0xef, 0xef, 0xef));
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::AlternateBase, QColor(0xf5, 0xf5, 0xf5));
    p.setColor(QPalette::Text, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::WindowText, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::ButtonText, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::Highlight, QColor(0x00, 0x78, 0xd4));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x00, 0x5a, 0x9e));
    p.setColor(QPalette::PlaceholderText, QColor(0x70, 0x70, 0x70));
    return p;
}

QPalette darkPalette()
{
    const QColor window(0x2d, 0x2d, 0x30), base(0x1e, 0x1e, 0x1e), text(0xe6, 0xe6, 0xe6);
    QPalette p(window);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x28));
    p.setColor(QPalette::ToolTipBase, QColor(0x3c, 0x3c, 0x3f));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x3d));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Highlight, QColor(0x26, 0x79, 0xc9));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xb6, 0xff));
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::Light, QColor(0x4a, 0x4a, 0x4d));
    p.setColor(QPalette::Midlight, QColor(0x40, 0x40, 0x43));
    p.setColor(QPalette::Mid, QColor(0x30, 0x30, 0x33));
    p.setColor(QPalette::Dark, QColor(0x1a, 0x1a, 0x1c));
    p.setColor(QPalette::Shadow, Qt::black);
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::Base, window);
    return p;
}

} // namespace fc::theme
