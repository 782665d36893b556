import Foundation
import MediaCLI

exit(MediaCommandLine.main())
